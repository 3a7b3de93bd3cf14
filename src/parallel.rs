//! Work spread over threads: the pictures of a run over the cores (`maps::draw`), the files
//! of a run over their writes to disk (`outdir::Batch::stage_all`).

use std::sync::atomic::{AtomicUsize, Ordering};

/// The cores this process may use (1 when the system does not say). Asked of the system
/// once: the answer reads the process's affinity and its control group's quota.
pub fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `work` done on each job on up to `threads` threads, the results in the order of the
/// jobs. Jobs are handed out one at a time to whichever thread is free, so a slow job (the
/// matrix) does not hold back those queued behind it. A panic in `work` is carried on.
pub fn map<J: Sync, R: Send>(jobs: &[J], threads: usize, work: impl Fn(&J) -> R + Sync) -> Vec<R> {
    let threads = threads.clamp(1, jobs.len().max(1));
    if threads == 1 {
        return jobs.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else {
                            return mine;
                        };
                        mine.push((i, work(job)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_jobs_on_any_number_of_threads() {
        let jobs: Vec<u64> = (0..100).collect();
        for threads in [0, 1, 2, 7, 500] {
            let out = map(&jobs, threads, |&j| {
                // Uneven work, so threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((j * 37) % 200));
                j * 2
            });
            assert_eq!(
                out,
                jobs.iter().map(|j| j * 2).collect::<Vec<_>>(),
                "{threads}"
            );
        }
        assert_eq!(map(&[] as &[u8], 4, |&j| j), Vec::<u8>::new());
    }

    #[test]
    fn jobs_run_on_every_thread_at_once() {
        // Each job waits (up to 10 s) until it has seen two threads at work: with one thread
        // running the jobs after one another, it would wait the whole time.
        let seen = std::sync::Mutex::new(std::collections::HashSet::new());
        let start = std::time::Instant::now();
        map(&[(); 8], 2, |_| {
            seen.lock().unwrap().insert(std::thread::current().id());
            while seen.lock().unwrap().len() < 2 && start.elapsed().as_secs() < 10 {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        });
        assert_eq!(seen.lock().unwrap().len(), 2);
        assert!(start.elapsed().as_secs() < 10);
    }
}
