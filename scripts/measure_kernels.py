"""Start-up and round-trip times of the mlplab kernel against ipykernel, with jupyter_client.

Start-up: from starting the process to the first kernel_info_reply (jupyter_client's
start_new_kernel, which then waits for IOPub to go quiet), the median of 5 start-ups.
Round trip: the median time from sending execute_request("1+1") to its reply and idle
status, over 1,000 requests.
Run by scripts/test-jupyter.sh, in the virtual environment where both kernels are installed.
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

REQUESTS = 1000


START_UPS = 5


def start(kernel_name):
    started = time.perf_counter()
    manager, client = start_new_kernel(kernel_name=kernel_name)  # returns after a kernel_info_reply
    return time.perf_counter() - started, manager, client


def measure(kernel_name):
    start_ups = []
    for _ in range(START_UPS - 1):
        start_up, manager, client = start(kernel_name)
        start_ups.append(start_up)
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    start_up, manager, client = start(kernel_name)
    start_ups.append(start_up)
    start_up = statistics.median(start_ups)
    times = []
    try:
        for _ in range(REQUESTS):
            sent = time.perf_counter()
            client.execute_interactive("1+1", output_hook=lambda message: None, timeout=30)
            times.append(time.perf_counter() - sent)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return start_up, statistics.median(times)


def main():
    mlplab = measure("mlplab")
    ipython = measure("python3")
    for name, (start_up, round_trip) in [("mlplab", mlplab), ("ipykernel", ipython)]:
        print(f"{name:10} start-up {start_up * 1000:7.1f} ms   median execute round trip {round_trip * 1000:6.2f} ms")
    print(f"mlplab / ipykernel: start-up {mlplab[0] / ipython[0]:.2f}, round trip {mlplab[1] / ipython[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
