import { openSync, writeSync, closeSync, statSync } from 'node:fs';
import { bench, size } from './harness.js';

// 10^5 lines "i i*i" written to a file through a 64 KiB buffer (as C's stdio and Julia's IOStream buffer);
// checksum: the file's size in bytes.
function run(n) {
  const path = 'bench/out/print_file_js.txt';
  const fd = openSync(path, 'w');
  let buf = '';
  for (let i = 1; i <= n; i++) {
    buf += `${i} ${i * i}\n`;
    if (buf.length >= 65536) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  return statSync(path).size;
}

const n = size(100000);
bench('print_file', () => run(n));
