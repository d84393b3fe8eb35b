mod bank_file;
mod xlsx;
