//! Bulk writes to a server that go on while the caller does (parsing, folding): `COPY`s
//! queued to a writer task that runs them one after another, in order, on the
//! connection's runtime, and a thread of ours that drives that runtime while the queue
//! holds any. With the queue empty nobody else drives it: a statement the caller waits
//! for is then driven by the caller's own thread, with no other thread between it and the
//! server.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

use bytes::Bytes;
use futures_util::SinkExt;
use tokio::runtime::Runtime;
use tokio::sync::{mpsc, oneshot, Notify};
use tokio_postgres::{Client, Statement};

use super::SqlError;
use crate::{Error, Result};

/// Bulk writes (each about a thousand rows) queued at most: past them the caller waits
/// for the server.
const QUEUED: usize = 32;

/// What the writer is asked to do, in order.
enum Job {
    /// Runs `sql` (a `COPY … FROM STDIN`) with `rows` as its data.
    Copy { sql: String, rows: Bytes },
    /// Answers once every job before it is done: the first bulk write that failed since
    /// the last answer, with its statement.
    Written(oneshot::Sender<Option<(tokio_postgres::Error, String)>>),
}

/// What the caller and the driving thread share.
struct Shared {
    /// Jobs queued and not yet done.
    pending: AtomicUsize,
    /// The queue is being dropped: the thread ends.
    stop: Mutex<bool>,
    /// Jobs were queued (or the queue is dropped).
    queued: Condvar,
    /// The writer has done every job (or the queue is dropped).
    idle: Notify,
}

impl Shared {
    fn stopping(&self) -> bool {
        *self.stop.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub(super) struct CopyQueue {
    runtime: Arc<Runtime>,
    jobs: mpsc::Sender<Job>,
    shared: Arc<Shared>,
    driver: Option<JoinHandle<()>>,
    /// Jobs were queued since the writer last answered.
    unanswered: Cell<bool>,
}

impl CopyQueue {
    /// The writer on `runtime` (a current-thread runtime that `client`'s connection runs
    /// on), and the thread that drives it while jobs wait.
    pub(super) fn start(runtime: &Arc<Runtime>, client: Arc<Client>) -> Result<CopyQueue> {
        let shared = Arc::new(Shared {
            pending: AtomicUsize::new(0),
            stop: Mutex::new(false),
            queued: Condvar::new(),
            idle: Notify::new(),
        });
        let (jobs, queue) = mpsc::channel(QUEUED);
        runtime.spawn(write(client, queue, Arc::clone(&shared)));
        let driver = {
            let runtime = Arc::clone(runtime);
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("partnerbook-copy".into())
                .spawn(move || drive(&runtime, &shared))?
        };
        Ok(CopyQueue {
            runtime: Arc::clone(runtime),
            jobs,
            shared,
            driver: Some(driver),
            unanswered: Cell::new(false),
        })
    }

    /// Queues `sql` (a `COPY … FROM STDIN`) with `rows` as its data, and returns at once
    /// unless the queue is full.
    pub(super) fn push(&self, sql: String, rows: Bytes) -> Result<()> {
        self.send(Job::Copy { sql, rows })?;
        self.unanswered.set(true);
        Ok(())
    }

    /// Waits until every queued bulk write is done; the first that failed, if one did.
    pub(super) fn written(&self) -> Result<()> {
        if !self.unanswered.replace(false) {
            return Ok(());
        }
        let (answer, answered) = oneshot::channel();
        self.send(Job::Written(answer))?;
        match self.runtime.block_on(answered) {
            Ok(None) => Ok(()),
            Ok(Some((error, sql))) => Err(Error::Database(SqlError::Postgres {
                error,
                sql: Some(sql),
            })),
            Err(_) => Err(writer_gone()),
        }
    }

    fn send(&self, job: Job) -> Result<()> {
        self.shared.pending.fetch_add(1, Ordering::SeqCst);
        let sent = self.runtime.block_on(self.jobs.send(job));
        {
            let _stop = self
                .shared
                .stop
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            self.shared.queued.notify_one();
        }
        sent.map_err(|_| writer_gone())
    }
}

impl Drop for CopyQueue {
    fn drop(&mut self) {
        *self
            .shared
            .stop
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = true;
        self.shared.queued.notify_one();
        self.shared.idle.notify_one();
        if let Some(driver) = self.driver.take() {
            // A thread that panicked has nothing more to say.
            driver.join().ok();
        }
    }
}

/// The driving thread: sleeps while nothing is queued, drives the runtime (the writer and
/// the connection) until the queue is empty.
fn drive(runtime: &Runtime, shared: &Shared) {
    loop {
        {
            let mut stop = shared.stop.lock().unwrap_or_else(PoisonError::into_inner);
            while !*stop && shared.pending.load(Ordering::SeqCst) == 0 {
                stop = shared
                    .queued
                    .wait(stop)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            if *stop {
                return;
            }
        }
        runtime.block_on(async {
            loop {
                let idle = shared.idle.notified();
                if shared.pending.load(Ordering::SeqCst) == 0 || shared.stopping() {
                    break;
                }
                idle.await;
            }
        });
    }
}

/// The writer: runs the bulk writes one after another, in the order they were queued.
/// After one fails the transaction is lost: the rest are skipped until the failure is
/// told.
async fn write(client: Arc<Client>, mut jobs: mpsc::Receiver<Job>, shared: Arc<Shared>) {
    let mut prepared: HashMap<String, Statement> = HashMap::new();
    let mut failed = None;
    while let Some(job) = jobs.recv().await {
        match job {
            Job::Copy { sql, rows } => {
                if failed.is_none() {
                    if let Err(e) = copy(&client, &mut prepared, &sql, rows).await {
                        failed = Some((e, sql));
                    }
                }
            }
            Job::Written(answer) => {
                // Nobody to tell when the one who asked is gone.
                answer.send(failed.take()).ok();
            }
        }
        if shared.pending.fetch_sub(1, Ordering::SeqCst) == 1 {
            shared.idle.notify_one();
        }
    }
}

async fn copy(
    client: &Client,
    prepared: &mut HashMap<String, Statement>,
    sql: &str,
    rows: Bytes,
) -> std::result::Result<(), tokio_postgres::Error> {
    let statement = match prepared.get(sql) {
        Some(s) => s.clone(),
        None => {
            let s = client.prepare(sql).await?;
            prepared.insert(sql.to_owned(), s.clone());
            s
        }
    };
    let sink = client.copy_in::<_, Bytes>(&statement).await?;
    let mut sink = std::pin::pin!(sink);
    let sent = sink.as_mut().send(rows).await;
    // The server's own error comes with `finish`; a failed send says less.
    sink.as_mut().finish().await?;
    sent
}

fn writer_gone() -> Error {
    Error::Io(std::io::Error::other("the connection to the server ended"))
}
