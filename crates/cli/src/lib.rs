//! The command-line tool's library: what `report` does, usable from tests.
//!
//! [`site`] builds a site from the compiled viewer (static prerender,
//! template filling, the offline file, the CSP, sizes, the plain page);
//! [`author`] turns authors' files into reports and checks them; [`cmd`]
//! holds one module per subcommand, each a small `execute` returning the
//! process's exit code (0 done, 1 invalid input, 2 unreadable input or a
//! failure).

pub mod author;
pub mod cmd;
pub mod site;
