"""The benchmark machinery end to end on 1,000 rows: it measures, agrees with pandas, writes the doc."""

import re

from bench.__main__ import main


def test_bench_writes_the_document_with_its_table(tmp_path):
    out = tmp_path / "benchmarks.md"
    code = main(["--sizes", "1000", "--runs", "1", "--kpi-runs", "1", "--xlsx-rows", "0", "--no-batch",
                 "--quiet", "--data-dir", str(tmp_path / "data"), "--out", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "| figure | this project | floor / pandas | ratio | runs | load | peak RSS |" in text
    assert re.search(r"\| ingest CSV 1,000 rows .*\d+ rows/s .*× floor \| 1 \|", text)
    # the project's KPIs and the pandas version's agree on the same file
    same = [line for line in text.splitlines()
            if re.match(r"\| 1,000 \| (on_time_rate|online_share|time_reduction) \|", line)]
    assert len(same) == 3 and all(line.endswith("| yes |") for line in same)
    assert "not measured: --no-batch" in text
    assert (tmp_path / "benchmarks_scaling.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")

    # the document can be rewritten from the saved results without measuring again
    out.unlink()
    assert main(["--rewrite", "--quiet", "--data-dir", str(tmp_path / "data"), "--out", str(out)]) == 0
    assert "| ingest CSV 1,000 rows" in out.read_text(encoding="utf-8")
