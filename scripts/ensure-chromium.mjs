#!/usr/bin/env node
// Makes sure a local Chromium exists for the browser tests: uses the one on PATH (or
// CHROME_PATH), installs Debian's `chromium` package when running as root with apt-get, and
// otherwise stops with one line saying what to install. It never downloads a browser build.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

let path = findChromium();
if (!path) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let apt = false;
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    apt = true;
  } catch {
    /* no apt */
  }
  if (root && apt) {
    console.log('Chromium not found: installing Debian package "chromium" with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    path = findChromium();
  }
}
if (!path) {
  console.error(
    'Browser tests need Chromium: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium executable.',
  );
  process.exit(1);
}
