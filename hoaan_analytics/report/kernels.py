"""Warm kernels for the report batch: one per worker thread, reused from notebook to notebook.

A fresh kernel per notebook costs its start-up plus importing polars, duckdb,
altair and great_tables again (about 3 s, more than the analysis itself). A
worker keeps its kernel instead, and between two notebooks clears the user
namespace (`reset`), so a notebook can never use a variable that another one
left behind; only the imported modules stay warm.

Kernels talk to the batch over IPC (Unix sockets in Jupyter's runtime folder,
readable by this user only) wherever there are Unix sockets: over TCP, ipykernel
warns that every message travels unencrypted on the machine's loopback. Windows
has no IPC transport and keeps TCP.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from pathlib import Path

RESET_CODE = "get_ipython().reset(new_session=True, aggressive=False)"
RESET_TIMEOUT_SECONDS = 60
KERNEL_TRANSPORT = "tcp" if os.name == "nt" else "ipc"


def new_kernel_manager(kernel_name: str):
    """A kernel manager (not started) for `kernel_name` on this platform's transport (KERNEL_TRANSPORT).

    The IPC sockets get an absolute path in Jupyter's runtime folder: jupyter_client's
    default ("kernel-ipc") is relative, and the kernel, started in the notebook folder,
    would bind where the batch does not look. The manager removes them at shutdown.
    """
    from jupyter_client.manager import KernelManager

    if KERNEL_TRANSPORT == "tcp":
        return KernelManager(kernel_name=kernel_name)
    from jupyter_core.paths import jupyter_runtime_dir

    folder = Path(jupyter_runtime_dir())
    folder.mkdir(parents=True, exist_ok=True)
    return KernelManager(kernel_name=kernel_name, transport="ipc",
                         ip=str(folder / f"hoaan-{uuid.uuid4().hex[:12]}-ipc"))


class KernelPool:
    """Kernels handed out per thread; all shut down when the pool is closed.

    Use as a context manager around the batch. A kernel that died (e.g. a
    notebook exhausted memory) is replaced on the next `acquire`.
    """

    def __init__(self, kernel_name: str, cwd: Path | None = None):
        self.kernel_name = kernel_name
        self.cwd = cwd
        self._local = threading.local()
        self._managers: list = []
        self._lock = threading.Lock()

    def acquire(self):
        """This thread's running kernel manager, started (or restarted) if needed."""
        km = getattr(self._local, "km", None)
        if km is not None and km.is_alive():
            return km
        if km is not None:
            self._shutdown(km)
        km = new_kernel_manager(self.kernel_name)
        km.start_kernel(cwd=str(self.cwd) if self.cwd else None)
        self._local.km = km
        with self._lock:
            self._managers.append(km)
        return km

    def reset(self, km) -> None:
        """Clear the kernel's user namespace before the next notebook; restart it if that fails.

        Only the shell channel is used: its reply comes once the reset has run.
        Listening on iopub would need `wait_for_ready`, whose flush of that channel
        alone waits 0.2 s per notebook.
        """
        client = km.blocking_client()
        client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        try:
            msg_id = client.execute(RESET_CODE, silent=True, store_history=False)
            reply = self._shell_reply(client, msg_id)
            if reply["content"].get("status") != "ok":
                raise RuntimeError(f"kernel reset failed: {reply['content'].get('evalue')}")
        except Exception:  # noqa: BLE001 (a kernel we cannot clean is replaced, not reused)
            self._shutdown(km)
            self._local.km = None
        finally:
            client.stop_channels()

    @staticmethod
    def _shell_reply(client, msg_id: str) -> dict:
        deadline = time.monotonic() + RESET_TIMEOUT_SECONDS
        while True:
            # raises queue.Empty once the deadline has passed: the kernel is then replaced
            reply = client.get_shell_msg(timeout=max(deadline - time.monotonic(), 0.001))
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return reply

    def _shutdown(self, km) -> None:
        try:
            km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 (already dead)
            pass
        with self._lock:
            if km in self._managers:
                self._managers.remove(km)

    def close(self) -> None:
        """Shut every kernel down."""
        with self._lock:
            managers, self._managers = list(self._managers), []
        for km in managers:
            try:
                km.shutdown_kernel(now=True)
            except Exception:  # noqa: BLE001
                pass

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
