//! The threads that open and redact tips and messages: started once, one per core but
//! one, and kept for the life of the process. A core is left to the intake, which must
//! open each arriving envelope before its 201: drafting on every core took the CPU
//! from the reporters under a flood. Threads of their own, not tokio's blocking pool,
//! because the engine's regexes keep a lazy-DFA cache for each thread that runs them
//! (about 35 MiB a thread, `/proc/PID/smaps` under load): the blocking pool's threads
//! come and go, and each new one that drafted built its caches again (one drafting
//! task at a time on the blocking pool: peak RSS 103 MiB in one run, 138 in the next,
//! `examples/load.rs`).

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;

pub struct DraftingThreads {
    jobs: Sender<Job>,
    count: usize,
}

impl DraftingThreads {
    /// The process's drafting threads, started at the first call.
    pub fn get() -> &'static DraftingThreads {
        static THREADS: OnceLock<DraftingThreads> = OnceLock::new();
        THREADS.get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            DraftingThreads::start(cores.saturating_sub(1).max(1))
        })
    }

    fn start(count: usize) -> DraftingThreads {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..count {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("tipline-draft-{n}"))
                .spawn(move || run(&queue))
                .expect("a drafting thread starts");
        }
        DraftingThreads { jobs, count }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    /// Hands `job` to the next free drafting thread at once; the answer, `None` if the
    /// job panicked.
    pub fn call<R: Send + 'static>(
        &self,
        job: impl FnOnce() -> R + Send + 'static,
    ) -> impl std::future::Future<Output = Option<R>> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = answer.send(job());
        });
        // The threads never stop while the sender is alive (a job's panic is caught).
        let _ = self.jobs.send(job);
        async move { answered.await.ok() }
    }
}

fn run(queue: &Mutex<Receiver<Job>>) {
    loop {
        let job = match queue.lock().expect("drafting queue lock").recv() {
            Ok(job) => job,
            Err(_) => return,
        };
        // A job that panics drops its answer (the caller sees `None`); the thread, and
        // its caches, stay.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
    }
}
