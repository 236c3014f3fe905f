import sys

from hoaan_analytics.cli import main

sys.exit(main())
