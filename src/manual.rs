//! Shell completions and manual pages, generated from the command line's clap definition so
//! they can never drift from it.

use std::io::Write;

use crate::error::{Error, Misuse};
use crate::help;
use crate::i18n::Lang;
use crate::names;

/// The completion script of `shell`. It is generated in memory first: clap_complete panics
/// when a write fails, and a closed pipe is not a crash.
pub fn completions(
    shell: clap_complete::Shell,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut help::command(lang), "actormap", &mut bytes);
    out.write_all(&bytes)?;
    Ok(())
}

/// The man page of actormap (every command listed), or of one command (`actormap-export`).
pub fn man(command: Option<&str>, lang: Lang, out: &mut dyn Write) -> Result<(), Error> {
    let mut cli = help::command(lang);
    cli.build();
    let page = match command {
        None => cli,
        Some(wanted) => {
            let names: Vec<&str> = cli
                .get_subcommands()
                .map(|c| c.get_name())
                .filter(|n| *n != "help")
                .collect();
            let Some(sub) = cli.find_subcommand(wanted) else {
                return Err(Error::Misuse(Misuse::UnknownCommand {
                    wanted: wanted.to_owned(),
                    closest: names::suggest(wanted, names.iter().copied()).map(str::to_owned),
                    known: names.iter().map(|n| (*n).to_owned()).collect(),
                }));
            };
            // A command's page carries the program's version, as the main page does.
            sub.clone().version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut bytes = Vec::new();
    clap_mangen::Man::new(page).render(&mut bytes)?;
    out.write_all(&bytes)?;
    Ok(())
}
