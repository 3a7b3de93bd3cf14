//! TODO
use super::Options;
use super::scene::Scene;
use crate::model::*;
pub fn layout(t: &Territory, _a: &Actor, opts: &Options) -> Scene {
    let d = &t.domains[0];
    super::cartographie::domain(t, d, opts)
}
