#include "compute_pool.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

enum { QUEUE = 16 };                     // tasks a worker holds at once
static const int64_t SPIN_NS = 1000000;  // how long an idle worker spins before it sleeps

struct task {
    mlplab_task run;
    void *context;
    int64_t part;
};

/// One worker: a ring of tasks, `submitted` and `completed` counting them. Only the
/// submitting thread writes `submitted` and the ring; only the worker writes `completed`.
struct worker {
    struct task queue[QUEUE];
    _Atomic int64_t submitted;
    _Atomic int64_t completed;
    _Atomic int sleeping;
    pthread_mutex_t submitting;          // held while a task is queued: one submitter at a time
    pthread_mutex_t lock;
    pthread_cond_t woken;
    pthread_t thread;
    _Atomic int started;                 // 0 not yet, 1 running, -1 could not start
};

static struct worker workers[MLPLAB_MAX_WORKERS];
static pthread_mutex_t starting = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int32_t threads_wanted;
static _Thread_local int is_worker;

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/// Waits until the worker has a task: spins for SPIN_NS, then sleeps. The worker says it
/// sleeps before it looks once more, and the submitter looks at that after queueing, so
/// one of the two always sees the other (both sequentially consistent).
static void wait_for_task(struct worker *w, int64_t done) {
    const int64_t until = now_ns() + SPIN_NS;
    for (int spins = 0; atomic_load(&w->submitted) == done; spins++) {
        if ((spins & 255) == 255 && now_ns() > until) {
            pthread_mutex_lock(&w->lock);
            atomic_store(&w->sleeping, 1);
            while (atomic_load(&w->submitted) == done) pthread_cond_wait(&w->woken, &w->lock);
            atomic_store(&w->sleeping, 0);
            pthread_mutex_unlock(&w->lock);
            return;
        }
        cpu_relax();
    }
}

static void *work(void *argument) {
    struct worker *w = argument;
    is_worker = 1;
    for (int64_t done = 0;; ) {
        wait_for_task(w, done);
        const struct task t = w->queue[done % QUEUE];
        t.run(t.context, t.part);
        atomic_store(&w->completed, ++done);
    }
    return 0;
}

static int start(struct worker *w) {
    pthread_mutex_lock(&starting);
    if (atomic_load(&w->started) == 0) {
        pthread_mutex_init(&w->submitting, 0);
        pthread_mutex_init(&w->lock, 0);
        pthread_cond_init(&w->woken, 0);
        atomic_store(&w->started, pthread_create(&w->thread, 0, work, w) == 0 ? 1 : -1);
    }
    pthread_mutex_unlock(&starting);
    return atomic_load(&w->started) == 1;
}

int64_t mlplab_pool_submit(int32_t worker, mlplab_task run, void *context, int64_t part) {
    if (worker < 0 || worker >= MLPLAB_MAX_WORKERS || is_worker) return -1;
    struct worker *w = &workers[worker];
    if (atomic_load(&w->started) != 1 && !start(w)) return -1;
    pthread_mutex_lock(&w->submitting);
    const int64_t ticket = atomic_load(&w->submitted);
    while (ticket - atomic_load(&w->completed) >= QUEUE) cpu_relax();   // the ring is full
    w->queue[ticket % QUEUE] = (struct task){run, context, part};
    atomic_store(&w->submitted, ticket + 1);
    if (atomic_load(&w->sleeping)) {
        pthread_mutex_lock(&w->lock);
        pthread_cond_signal(&w->woken);
        pthread_mutex_unlock(&w->lock);
    }
    pthread_mutex_unlock(&w->submitting);
    return ticket + 1;
}

void mlplab_pool_wait(int32_t worker, int64_t ticket) {
    if (worker < 0 || worker >= MLPLAB_MAX_WORKERS || ticket <= 0) return;
    struct worker *w = &workers[worker];
    for (int spins = 0; atomic_load(&w->completed) < ticket; spins++) {
        if ((spins & 4095) == 4095) sched_yield();   // a long task: let others run meanwhile
        cpu_relax();
    }
}

/// A loop whose parts are claimed one at a time by whichever thread is free. Freed by the
/// last thread to let go of it: a worker may come to it after the caller has returned, and
/// then finds nothing left to claim (and so never touches `context`, which may be gone).
struct shared_loop {
    _Atomic uint64_t unclaimed;          // parts [low, high): low in the low 32 bits, high in the high 32
    _Atomic int64_t finished;
    _Atomic int32_t holders;
    int64_t parts;
    mlplab_task run;
    void *context;
};

/// The next part for this thread, or -1 when none is left: the calling thread takes parts
/// from the low end and the workers from the high end, so a thread keeps to the same
/// columns call after call (and finds them in its own cache) unless it must help the other.
static int64_t claim(struct shared_loop *loop, int from_high) {
    uint64_t range = atomic_load(&loop->unclaimed);
    for (;;) {
        const uint64_t low = range & 0xffffffffu, high = range >> 32;
        if (low >= high) return -1;
        const uint64_t taken = from_high ? low | (high - 1) << 32 : (low + 1) | high << 32;
        if (atomic_compare_exchange_weak(&loop->unclaimed, &range, taken)) return from_high ? (int64_t)high - 1 : (int64_t)low;
    }
}

static void claim_parts(struct shared_loop *loop) {
    for (int64_t part; (part = claim(loop, is_worker)) >= 0; ) {
        loop->run(loop->context, part);
        atomic_fetch_add(&loop->finished, 1);
    }
}

static void let_go(struct shared_loop *loop) {
    if (atomic_fetch_sub(&loop->holders, 1) == 1) free(loop);
}

static void claim_on_worker(void *loop, int64_t unused) {
    (void)unused;
    claim_parts(loop);
    let_go(loop);
}

int mlplab_pool_for(int64_t parts, int32_t helpers, mlplab_task run, void *context) {
    if (parts > UINT32_MAX) return -1;
    struct shared_loop *loop = malloc(sizeof *loop);
    if (!loop) return -1;
    atomic_init(&loop->unclaimed, (uint64_t)parts << 32);
    atomic_init(&loop->finished, 0);
    atomic_init(&loop->holders, 1);
    loop->parts = parts;
    loop->run = run;
    loop->context = context;
    for (int32_t w = 0; w < helpers && w < MLPLAB_MAX_WORKERS; w++) {
        atomic_fetch_add(&loop->holders, 1);
        if (mlplab_pool_submit(w, claim_on_worker, loop, 0) < 0) atomic_fetch_sub(&loop->holders, 1);
    }
    claim_parts(loop);
    for (int spins = 0; atomic_load(&loop->finished) < parts; spins++) {
        if ((spins & 4095) == 4095) sched_yield();
        cpu_relax();
    }
    let_go(loop);
    return 0;
}

int32_t mlplab_pool_threads(void) { return atomic_load(&threads_wanted); }

void mlplab_pool_set_threads(int32_t threads) { atomic_store(&threads_wanted, threads); }
