//! The progress bar of a long `build`: on stderr, once the build has taken a second, and only
//! when stderr is a terminal and neither `NO_COLOR` nor `CI` is set (a pipe, a log file or a CI
//! job gets only the lines `build` prints). Its stages are laying out, drawing (SVG, PNG) and
//! writing; the words come from the catalog.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a build runs before its bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// Whether a bar may be shown at all: stderr is a terminal, and neither `NO_COLOR` nor `CI`
/// is set (to anything, as <https://no-color.org> says).
pub fn wanted(stderr_is_terminal: bool, no_color: bool, ci: bool) -> bool {
    stderr_is_terminal && !no_color && !ci
}

/// A progress bar that draws nothing until `DELAY` has passed (and never when not `wanted`).
/// Shared by the threads of a build: every method takes `&self`.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: Mutex<bool>,
}

impl Progress {
    /// A bar for this process's stderr, decided from the environment.
    pub fn for_stderr() -> Progress {
        let env = |name| std::env::var_os(name).is_some();
        Progress::new(wanted(
            std::io::stderr().is_terminal(),
            env("NO_COLOR"),
            env("CI"),
        ))
    }

    /// A bar that may appear (`show`), or none.
    pub fn new(show: bool) -> Progress {
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{msg:>16} [{bar:30}] {pos}/{len}") {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: Mutex::new(false),
        }
    }

    /// A new stage of `len` steps, named `what` ("mise en page").
    pub fn stage(&self, what: &str, len: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(what.to_owned());
            bar.set_length(len as u64);
            bar.set_position(0);
            self.appear();
        }
    }

    /// One step of the stage done.
    pub fn step(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            self.appear();
        }
    }

    /// The bar removed from the terminal, before `build` prints its lines.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// Draw the bar on stderr once `DELAY` has passed.
    fn appear(&self) {
        let Some(bar) = &self.bar else { return };
        if self.start.elapsed() < DELAY {
            return;
        }
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        if !*shown {
            *shown = true;
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Drop for Progress {
    /// A build that fails leaves no bar behind its error.
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_only_on_a_terminal_without_no_color_or_ci() {
        assert!(wanted(true, false, false));
        assert!(!wanted(false, false, false), "a pipe");
        assert!(!wanted(true, true, false), "NO_COLOR");
        assert!(!wanted(true, false, true), "CI");
        assert!(!wanted(false, true, true));
    }

    #[test]
    fn no_bar_is_a_no_op() {
        let p = Progress::new(false);
        p.stage("x", 3);
        p.step();
        p.finish();
        assert!(p.bar.is_none());
    }
}
