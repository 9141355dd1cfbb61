//! The system keychain, for people who choose to let Kindred remember its
//! passphrase on this computer. The `keyring` crate reaches each system's
//! own store: Keychain Services on macOS, Credential Manager on Windows, the
//! Secret Service (GNOME Keyring, KWallet) over D-Bus on Linux.
//!
//! Kindred only asks the keychain when the person opted in (a marker file
//! beside the database says so), so nobody else ever sees a keychain prompt.

use zeroize::Zeroizing;

/// The keychain entry: the service is the app's identifier.
const SERVICE: &str = "app.kindred.desktop";
const ACCOUNT: &str = "database passphrase";

/// Where a passphrase can be kept outside Kindred. Errors are plain words
/// for the log or the screen.
pub trait Keychain: Send + Sync {
    fn get(&self) -> Result<Option<Zeroizing<String>>, String>;
    fn set(&self, secret: &str) -> Result<(), String>;
    fn forget(&self) -> Result<(), String>;
}

/// The system's keychain.
pub struct SystemKeychain;

fn entry() -> Result<keyring::Entry, String> {
    keyring::Entry::new(SERVICE, ACCOUNT).map_err(|e| e.to_string())
}

impl Keychain for SystemKeychain {
    fn get(&self) -> Result<Option<Zeroizing<String>>, String> {
        match entry()?.get_password() {
            Ok(secret) => Ok(Some(Zeroizing::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(error.to_string()),
        }
    }

    fn set(&self, secret: &str) -> Result<(), String> {
        entry()?.set_password(secret).map_err(|e| e.to_string())
    }

    fn forget(&self) -> Result<(), String> {
        match entry()?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(error.to_string()),
        }
    }
}
