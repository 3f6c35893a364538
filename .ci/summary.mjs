// Prints the plain "N passed, N failed, N skipped" line from vitest's JSON report.
import { readFileSync } from 'node:fs';

try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
} catch (error) {
  console.log(`tests: no vitest report (${error.message})`);
  process.exitCode = 1;
}
