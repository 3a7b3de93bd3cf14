//! How long `check` takes on synthetic territories much larger than a real one (the Calaisis
//! has 23 actors, 9 objectives, 43 links). Run with `cargo bench --bench check`.

use actormap::check::{self, Config};

#[path = "../tests/it/generated.rs"]
#[allow(
    dead_code,
    reason = "the check benchmarks use one generator of the file"
)]
mod generated;

use generated::many_actors as territory;

fn main() {
    divan::main();
}

#[divan::bench(args = [100, 400, 1600, 6400])]
fn all_rules(bencher: divan::Bencher, actors: usize) {
    let t = territory(actors);
    let config = Config::default();
    bencher.bench(|| check::run_with(divan::black_box(&t), &config));
}

#[divan::bench(args = [100, 400, 1600, 6400])]
fn duplicate_actor_only(bencher: divan::Bencher, actors: usize) {
    let t = territory(actors);
    let mut config = Config::default();
    let others: Vec<String> = check::RULES
        .iter()
        .filter(|r| r.name != "duplicate-actor")
        .map(|r| r.name.to_owned())
        .collect();
    config
        .apply(&check::Overrides {
            allow: others,
            ..Default::default()
        })
        .expect("known rules");
    bencher.bench(|| check::run_with(divan::black_box(&t), &config));
}
