//! Behaviour of the `gezinsplan` binary, run as users run it.

mod agenda;
mod due;
mod new;
mod support;
mod validate;
