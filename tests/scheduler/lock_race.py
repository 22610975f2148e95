"""Run by test_lock.py in two processes at once: race for the same locks, print the ones won.

Usage: python lock_race.py START_EPOCH ROUNDS  (store from CITYWATCH_DATA_DIR / CITYWATCH_MONGO_URI)
Each round r starts at START_EPOCH + r * 0.3 s in both processes: first a fresh
job ``fresh-r``, then ``expired-r`` whose only lease (seeded by the test) has expired.
"""

import json
import sys
import time

from citywatch.scheduler.lock import JobLock, LockHeld
from citywatch.store import connect


def main() -> None:
    start, rounds = float(sys.argv[1]), int(sys.argv[2])
    won = []
    with connect() as store:
        for r in range(rounds):
            time.sleep(max(0.0, start + r * 0.3 - time.time()))
            for job in (f"fresh-{r}", f"expired-{r}"):
                lock = JobLock(store, job, ttl=60)
                try:
                    lock.acquire()
                except LockHeld:
                    continue
                lock._stop.set()  # keep the lease (no release): the other process must see it held
                won.append(job)
    print(json.dumps(won))


if __name__ == "__main__":
    main()
