mod formulas;
mod ledger_tables;
mod lists;
mod ui_words;
mod whatif;
