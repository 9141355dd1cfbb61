//! How lists read in plain words: "Sam", "Sam and Ana", "Sam, Ana and Ben".

pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(join_names(&[]), "");
        assert_eq!(join_names(&["Sam"]), "Sam");
        assert_eq!(join_names(&["Sam", "Ana"]), "Sam and Ana");
        assert_eq!(join_names(&["Sam", "Ana", "Ben"]), "Sam, Ana and Ben");
    }
}
