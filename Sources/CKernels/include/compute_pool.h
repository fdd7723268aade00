#ifndef MLPLAB_COMPUTE_POOL_H
#define MLPLAB_COMPUTE_POOL_H

#include <stdint.h>

// Worker threads for the products that are split across cores, kept for the
// life of the process. Each worker runs its tasks in the order they were
// given. After a task it waits for the next one by spinning for about a
// millisecond, since in training the next one comes within tens of
// microseconds and waking a sleeping thread costs about as much; then it
// sleeps until work comes.

/// A task: `run(context, part)` on a worker thread.
typedef void (*mlplab_task)(void *context, int64_t part);

/// The most workers there can be (beside the calling thread).
enum { MLPLAB_MAX_WORKERS = 63 };

/// Queues `run(context, part)` on worker `worker` (0 ..< MLPLAB_MAX_WORKERS, started on
/// first use) and returns its ticket for `mlplab_pool_wait`. Returns -1 when the worker's
/// thread could not be started, or when called from a worker (a task waiting for tasks
/// queued behind it would wait for ever): the caller then runs the task itself.
int64_t mlplab_pool_submit(int32_t worker, mlplab_task run, void *context, int64_t part);

/// Returns once worker `worker` has finished the task with `ticket` (and every task it was
/// given before it).
void mlplab_pool_wait(int32_t worker, int64_t ticket);

/// `run(context, part)` for every part in 0 ..< parts, each claimed by whichever is free
/// first of the calling thread and workers 0 ..< helpers (a busy worker joins when it comes
/// to it). The calling thread claims from part 0 up and the workers from the last part
/// down. Returns when every part is done; -1, having run none, when out of memory or
/// given more than 2³² - 1 parts.
int mlplab_pool_for(int64_t parts, int32_t helpers, mlplab_task run, void *context);

/// How many threads the split products use, calling thread included: 1 to the cores.
/// 0 until set.
int32_t mlplab_pool_threads(void);
void mlplab_pool_set_threads(int32_t threads);

#endif
