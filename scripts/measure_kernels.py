"""Start-up and round-trip times of the mlplab kernel against ipykernel, with jupyter_client.

Start-up: from asking jupyter_client's KernelManager to start the kernel to the first
kernel_info_reply (what a front end waits for before it calls the kernel ready), the median
of 9 start-ups of each kernel, taken in turns so that both see the same load on the machine.
Round trip: the median time from sending execute_request("1+1") to its reply and idle
status, over 1,000 requests to each kernel, both kernels running and asked in turns.
Run by scripts/test-jupyter.sh, in the virtual environment where both kernels are installed.
Prints the times and their ratios (mlplab / ipykernel); the targets are at most 0.5 for the
start-up and at most 1 for the round trip. Timings depend on the machine's load, so a ratio
over its target is reported, not failed.
"""
import statistics
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager

START_UPS = 9
REQUESTS = 1000
KERNELS = {"mlplab": "mlplab", "ipykernel": "python3"}


def start(kernel_name):
    """A started kernel, its client, and the seconds to its first kernel_info_reply."""
    manager = KernelManager(kernel_name=kernel_name)
    started = time.perf_counter()
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    while True:
        client.kernel_info()
        try:
            if client.get_shell_msg(timeout=1)["msg_type"] == "kernel_info_reply":
                return manager, client, time.perf_counter() - started
        except Empty:
            if not manager.is_alive():
                raise RuntimeError(f"the {kernel_name} kernel died before it answered kernel_info")


def stop(manager, client):
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def round_trips():
    """The median round trip of each kernel, both running, their requests taken in turns."""
    kernels = {name: start(kernel_name)[:2] for name, kernel_name in KERNELS.items()}
    times = {name: [] for name in KERNELS}
    try:
        for _, client in kernels.values():
            client.wait_for_ready(timeout=60)
        for _ in range(REQUESTS):
            for name, (_, client) in kernels.items():
                sent = time.perf_counter()
                client.execute_interactive("1+1", output_hook=lambda message: None, timeout=30)
                times[name].append(time.perf_counter() - sent)
    finally:
        for manager, client in kernels.values():
            stop(manager, client)
    return {name: statistics.median(values) for name, values in times.items()}


def main():
    start_ups = {name: [] for name in KERNELS}
    for _ in range(START_UPS):
        for name, kernel_name in KERNELS.items():
            manager, client, seconds = start(kernel_name)
            start_ups[name].append(seconds)
            stop(manager, client)
    start_up = {name: statistics.median(times) for name, times in start_ups.items()}
    trip = round_trips()
    for name in KERNELS:
        print(f"{name:10} start-up to kernel_info_reply {start_up[name] * 1000:7.1f} ms (median of {START_UPS})"
              f"   execute_request('1+1') round trip {trip[name] * 1000:6.2f} ms (median of {REQUESTS})")
    print(f"mlplab / ipykernel: start-up {start_up['mlplab'] / start_up['ipykernel']:.2f} (target <= 0.5), "
          f"round trip {trip['mlplab'] / trip['ipykernel']:.2f} (target <= 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
