//! `tauri-driver` as a child process: started in its own process group (so that the
//! `WebKitWebDriver` and the app it starts go down with it), waited for until it
//! listens, and killed on drop — also when a test panics.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;

use crate::locate;

/// How long the driver gets to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Driver {
    child: Child,
    /// The port tauri-driver listens on (the WebDriver endpoint of the tests).
    pub port: u16,
    log: PathBuf,
}

impl Driver {
    /// Starts `tauri-driver` with `env` added to its environment, which
    /// `WebKitWebDriver` and then the app inherit (tauri-driver's capabilities carry
    /// only the binary and its arguments, no environment).
    pub fn start(name: &str, env: &[(&str, &Path)]) -> Driver {
        locate::require_display();
        let program = locate::tauri_driver();
        let native = locate::native_driver();
        let port = free_port();
        let native_port = free_port();
        let log = locate::output_dir().join(format!("{name}.log"));
        let out = File::create(&log).unwrap_or_else(|e| panic!("create {}: {e}", log.display()));
        let err = out.try_clone().expect("clone the log file handle");
        let mut command = Command::new(&program);
        command
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(&native)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0);
        for (key, value) in env {
            command.env(key, value);
        }
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        let mut driver = Driver { child, port, log };
        driver.wait_until_listening(&[port, native_port]);
        driver
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn wait_until_listening(&mut self, ports: &[u16]) {
        let started = Instant::now();
        for &port in ports {
            let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
            loop {
                if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                    break;
                }
                if let Ok(Some(status)) = self.child.try_wait() {
                    panic!(
                        "tauri-driver exited ({status}) before listening on {port}:\n{}",
                        self.log_tail()
                    );
                }
                assert!(
                    started.elapsed() < START_TIMEOUT,
                    "tauri-driver did not listen on {port} within {START_TIMEOUT:?}:\n{}",
                    self.log_tail()
                );
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }

    /// The last lines the driver, WebKitWebDriver and the app wrote.
    pub fn log_tail(&self) -> String {
        let mut text = String::new();
        if let Ok(mut file) = File::open(&self.log) {
            let len = file.metadata().map(|m| m.len()).unwrap_or(0);
            let _ = file.seek(SeekFrom::Start(len.saturating_sub(8_000)));
            let _ = file.read_to_string(&mut text);
        }
        format!("--- {} (tail) ---\n{text}", self.log.display())
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("{}", self.log_tail());
        }
        // The group holds tauri-driver, WebKitWebDriver and the app.
        let group = Pid::from_raw(self.child.id() as i32);
        let _ = killpg(group, Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = killpg(group, Signal::SIGKILL);
        let _ = self.child.wait();
    }
}

/// A port nobody listens on now (the OS picks it).
fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}
