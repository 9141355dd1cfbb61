//! Its own test binary (so its own process): SQLite is initialised here for
//! the first time, by many threads at once. SQLCipher only registers
//! `sqlcipher_export` on new connections once its part of that set-up has
//! finished; a store opened in the gap could never take a passphrase.

use std::sync::{Arc, Barrier};

use kindred_core::passphrase::Passphrase;
use kindred_core::{Store, SystemClock};

#[test]
fn stores_opened_on_many_threads_at_the_first_open_can_all_be_encrypted() {
    const THREADS: usize = 32;
    let start = Arc::new(Barrier::new(THREADS));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
                start.wait();
                let mut store = Store::open_in_dir(dir.path(), Arc::new(SystemClock)).map_err(|e| e.to_string())?;
                let key = Passphrase::new("a long walk home".to_owned()).map_err(|e| e.to_string())?;
                store.set_passphrase(None, Some(key)).map(|_| ()).map_err(|e| e.to_string())
            })
        })
        .collect();
    for worker in workers {
        assert_eq!(worker.join().expect("the thread ran to its end"), Ok(()));
    }
}
