//! `import billing` on malformed files of the corpus (`tests/fixtures/billing_bad/`): exit
//! status 1, every problem on stderr as `row N, column X: …` in the language asked for,
//! and the book's balances, ledger and clients exactly as before.

mod common;

use common::*;

fn bad(name: &str) -> String {
    fixture(&format!("billing_bad/{name}"))
}

/// What a bad import must leave alone, as the reading commands print it.
fn state(scene: &Scene) -> Vec<serde_json::Value> {
    vec![
        scene
            .ok(&["balances", "--as-of", "2025-12-31", "--json"])
            .json(),
        scene.ok(&["accruals", "--partner", "P-1", "--json"]).json(),
        scene.ok(&["clients", "--json"]).json(),
    ]
}

/// The partners and clients of the fixtures, and a good billing file with accruals.
fn scene_with_billing() -> Scene {
    let scene = scene_with_clients();
    scene.ok(&["import", "billing", &fixture("billing_corpus_baseline.csv")]);
    scene
}

#[test]
fn a_bad_billing_file_exits_1_lists_every_problem_in_english_and_changes_nothing() {
    let scene = scene_with_billing();
    let before = state(&scene);
    let balances = before[0].as_array().expect("an array");
    assert!(
        balances.iter().any(|b| b["accrued"] != "0.00"),
        "the baseline accrues something: {balances:?}"
    );
    let run = scene.run(&[
        "--lang",
        "en",
        "import",
        "billing",
        &bad("several_problems.csv"),
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "row 3, column payment_id: required, but empty",
            "row 3, column client_id: required, but empty",
            "row 3, column date: not a date: “32.01.2025” (expected YYYY-MM-DD or DD.MM.YYYY)",
            "row 3, column amount: not an amount: “abc” (expected a number like 12345.67 or 12 345,67)",
            "row 4, column amount: at most two decimal places: “1.005”",
            "row 4, column direct: not yes or no: “может быть” (expected yes/no, да/нет, 1/0, true/false)",
            "row 4, column currency: currency “USD” is not the program's (KZT); no currency conversion is done",
            "row 4, column refund_of: a refund must name the payment it refunds",
            "row 5, column program: no program “nosuch”",
            "row 7, column refund_of: the payment refunded, “NEW-3”, is neither in the book nor above in the file",
            "Rows: 6, with problems: 4.",
            "Problems: 10. Nothing was written.",
        ]
    );
    assert_eq!(state(&scene), before);
}

#[test]
fn refunds_too_large_and_a_changed_payment_in_russian_change_nothing() {
    let scene = scene_with_billing();
    let before = state(&scene);
    let run = scene.run(&[
        "--lang",
        "ru",
        "import",
        "billing",
        &bad("refunds_exceed_payment.csv"),
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "строка 3, столбец amount: возвратов больше, чем было оплачено: к возврату осталось 1500.00",
            "строка 4, столбец amount: возвратов больше, чем было оплачено: к возврату осталось 10000.00",
            "Строк: 3, с ошибками: 2.",
            "Ошибок: 2. Ничего не записано.",
        ]
    );
    assert_eq!(state(&scene), before);

    let run = scene.run(&["import", "billing", &bad("payment_already_in_book.csv")]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with(
            "строка 2, столбец payment_id: платёж «PAY-1» уже загружен с другими данными; исправление — это новый платёж или возврат\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(state(&scene), before);
}

#[test]
fn files_that_cannot_be_read_and_a_missing_program_exit_1_and_change_nothing() {
    let scene = scene_with_billing();
    let before = state(&scene);
    let cases: [(&[&str], &str); 4] = [
        (
            &["--lang", "en", "import", "billing", &bad("not_a_spreadsheet.xlsx")],
            "cannot read the XLSX file: Zip error: invalid Zip archive: Could not find EOCD\n",
        ),
        (
            &["--lang", "en", "import", "billing", &bad("no_program_column.csv")],
            "the file has no “program” column; give the program (--program) or add the column\n",
        ),
        (
            &[
                "--lang",
                "en",
                "import",
                "billing",
                &bad("no_program_column.csv"),
                "--program",
                "nosuch",
            ],
            "row 2, column program: no program “nosuch”\nrow 3, column program: no program “nosuch”\n",
        ),
        (
            &["import", "billing", &bad("header_only.csv")],
            "в файле нет ни одной строки данных\n",
        ),
    ];
    for (args, stderr) in cases {
        let run = scene.run(args);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(run.stderr.starts_with(stderr), "{args:?}: {}", run.stderr);
        assert_eq!(state(&scene), before, "{args:?}");
    }
}
