//! What crosses into and out of a statement: parameters and column values in the
//! book's own terms (integer, real, text, bytes, NULL), the same on every engine.

use super::SqlError;

/// A value read from or bound to a statement, borrowed where it can be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueRef<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// An owned value, for parameter lists built at run time.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl<'a> ValueRef<'a> {
    fn kind(&self) -> &'static str {
        match self {
            ValueRef::Null => "NULL",
            ValueRef::Integer(_) => "integer",
            ValueRef::Real(_) => "real",
            ValueRef::Text(_) => "text",
            ValueRef::Blob(_) => "blob",
        }
    }

    /// The text, or an error naming the column.
    pub fn as_str(self, column: usize) -> Result<&'a str, SqlError> {
        match self {
            ValueRef::Text(s) => Ok(s),
            other => Err(SqlError::wrong_type(column, "text", other.kind())),
        }
    }

    /// The text, NULL, or an error naming the column.
    pub fn as_str_or_null(self, column: usize) -> Result<Option<&'a str>, SqlError> {
        match self {
            ValueRef::Null => Ok(None),
            ValueRef::Text(s) => Ok(Some(s)),
            other => Err(SqlError::wrong_type(column, "text", other.kind())),
        }
    }
}

/// Something a statement can take as a parameter.
pub trait Param {
    fn value(&self) -> ValueRef<'_>;
}

impl<T: Param + ?Sized> Param for &T {
    fn value(&self) -> ValueRef<'_> {
        (**self).value()
    }
}

impl<T: Param> Param for Option<T> {
    fn value(&self) -> ValueRef<'_> {
        self.as_ref().map_or(ValueRef::Null, Param::value)
    }
}

impl Param for Value {
    fn value(&self) -> ValueRef<'_> {
        match self {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(r) => ValueRef::Real(*r),
            Value::Text(s) => ValueRef::Text(s),
            Value::Blob(b) => ValueRef::Blob(b),
        }
    }
}

impl Param for ValueRef<'_> {
    fn value(&self) -> ValueRef<'_> {
        *self
    }
}

impl Param for str {
    fn value(&self) -> ValueRef<'_> {
        ValueRef::Text(self)
    }
}

impl Param for String {
    fn value(&self) -> ValueRef<'_> {
        ValueRef::Text(self)
    }
}

impl Param for [u8] {
    fn value(&self) -> ValueRef<'_> {
        ValueRef::Blob(self)
    }
}

impl Param for Vec<u8> {
    fn value(&self) -> ValueRef<'_> {
        ValueRef::Blob(self)
    }
}

impl Param for bool {
    fn value(&self) -> ValueRef<'_> {
        ValueRef::Integer(i64::from(*self))
    }
}

impl Param for f64 {
    fn value(&self) -> ValueRef<'_> {
        ValueRef::Real(*self)
    }
}

macro_rules! integer_params {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn value(&self) -> ValueRef<'_> {
                ValueRef::Integer(i64::from(*self))
            }
        }
    )*};
}
integer_params!(i64, i32, i16, i8, u32, u16, u8);

macro_rules! wide_integer_params {
    ($($t:ty),*) => {$(
        impl Param for $t {
            /// Counts and indexes: far below `i64::MAX` in any book.
            fn value(&self) -> ValueRef<'_> {
                ValueRef::Integer(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
wide_integer_params!(u64, usize);

/// A statement's parameters: `[]`, `[a, b]`, [`params!`](crate::params) or
/// [`params_from_iter`].
pub trait Params {
    fn values(&self) -> Vec<ValueRef<'_>>;
}

impl Params for [&dyn Param; 0] {
    fn values(&self) -> Vec<ValueRef<'_>> {
        Vec::new()
    }
}

impl Params for &[&dyn Param] {
    fn values(&self) -> Vec<ValueRef<'_>> {
        self.iter().map(|p| p.value()).collect()
    }
}

macro_rules! array_params {
    ($($n:literal),*) => {$(
        impl<T: Param> Params for [T; $n] {
            fn values(&self) -> Vec<ValueRef<'_>> {
                self.iter().map(Param::value).collect()
            }
        }
    )*};
}
array_params!(1, 2, 3, 4, 5, 6, 7, 8);

/// Parameters from an iterator (collected once; the values are not copied).
pub struct ParamsFromIter<T>(Vec<T>);

pub fn params_from_iter<I>(iter: I) -> ParamsFromIter<I::Item>
where
    I: IntoIterator,
    I::Item: Param,
{
    ParamsFromIter(iter.into_iter().collect())
}

impl<T: Param> Params for ParamsFromIter<T> {
    fn values(&self) -> Vec<ValueRef<'_>> {
        self.0.iter().map(Param::value).collect()
    }
}

/// A column value read as a Rust type; a value of another kind is an error naming the
/// column, never a silent default.
pub trait FromColumn: Sized {
    fn from_column(value: ValueRef<'_>, column: usize) -> Result<Self, SqlError>;
}

impl<T: FromColumn> FromColumn for Option<T> {
    fn from_column(value: ValueRef<'_>, column: usize) -> Result<Self, SqlError> {
        match value {
            ValueRef::Null => Ok(None),
            v => T::from_column(v, column).map(Some),
        }
    }
}

impl FromColumn for String {
    fn from_column(value: ValueRef<'_>, column: usize) -> Result<Self, SqlError> {
        value.as_str(column).map(str::to_owned)
    }
}

impl FromColumn for Vec<u8> {
    fn from_column(value: ValueRef<'_>, column: usize) -> Result<Self, SqlError> {
        match value {
            ValueRef::Blob(b) => Ok(b.to_vec()),
            other => Err(SqlError::wrong_type(column, "blob", other.kind())),
        }
    }
}

impl FromColumn for f64 {
    fn from_column(value: ValueRef<'_>, column: usize) -> Result<Self, SqlError> {
        match value {
            ValueRef::Real(r) => Ok(r),
            // SQLite's sum() of integers is an integer; PostgreSQL's may be numeric.
            ValueRef::Integer(i) => Ok(i as f64),
            other => Err(SqlError::wrong_type(column, "real", other.kind())),
        }
    }
}

impl FromColumn for bool {
    fn from_column(value: ValueRef<'_>, column: usize) -> Result<Self, SqlError> {
        i64::from_column(value, column).map(|i| i != 0)
    }
}

impl FromColumn for i64 {
    fn from_column(value: ValueRef<'_>, column: usize) -> Result<Self, SqlError> {
        match value {
            ValueRef::Integer(i) => Ok(i),
            other => Err(SqlError::wrong_type(column, "integer", other.kind())),
        }
    }
}

impl FromColumn for Value {
    fn from_column(value: ValueRef<'_>, _column: usize) -> Result<Self, SqlError> {
        Ok(match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Integer(i),
            ValueRef::Real(r) => Value::Real(r),
            ValueRef::Text(s) => Value::Text(s.to_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        })
    }
}

macro_rules! narrow_integer_columns {
    ($($t:ty),*) => {$(
        impl FromColumn for $t {
            fn from_column(value: ValueRef<'_>, column: usize) -> Result<Self, SqlError> {
                let wide = i64::from_column(value, column)?;
                <$t>::try_from(wide).map_err(|_| SqlError::out_of_range(column, wide))
            }
        }
    )*};
}
narrow_integer_columns!(i32, i16, u64, u32, u16, u8, usize);

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Integer(v)
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_owned())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}
