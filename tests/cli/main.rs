//! Behaviour of the `gezinsplan` binary, run as users run it.

mod agenda;
mod cache;
mod due;
mod editors;
mod fuzz;
mod history;
mod hostile;
mod invite;
mod new;
mod print;
mod region;
mod repository;
mod sharing;
mod show;
mod support;
mod validate;
