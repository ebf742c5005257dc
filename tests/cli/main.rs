//! Behaviour of the `gezinsplan` binary, run as users run it.

mod agenda;
mod due;
mod fuzz;
mod hostile;
mod invite;
mod new;
mod print;
mod sharing;
mod show;
mod support;
mod validate;
