#!/usr/bin/env python3
# run-fuzz.py: runs one libFuzzer target for a set number of executions
# (the `fuzz` benchmarks of meson, tests/fuzz/meson.build) and prints what
# it did: executions, executions per second, coverage (libFuzzer's cov: and
# ft:), the corpus size.
#
#   run-fuzz.py FUZZER NAME SEED_DIR WORK_DIR RUNS
#
# RECTIFY_FUZZ_RUNS in the environment overrides RUNS.  New inputs go to
# WORK_DIR/corpus/NAME (kept between runs, so coverage grows over runs),
# libFuzzer's output to WORK_DIR/NAME.log, a crash to WORK_DIR/crashes/NAME/;
# a crash worth keeping becomes tests/fuzz/corpus/NAME/regression-* (README).
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import time

fuzzer, name, seeds, work, runs = sys.argv[1:6]
runs = int(os.environ.get('RECTIFY_FUZZ_RUNS', runs))
corpus = os.path.join(work, 'corpus', name)
crashes = os.path.join(work, 'crashes', name)
log_path = os.path.join(work, name + '.log')
os.makedirs(corpus, exist_ok=True)
os.makedirs(crashes, exist_ok=True)

env = dict(os.environ)
env.setdefault('ASAN_OPTIONS', 'detect_leaks=1:abort_on_error=1')
env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1:halt_on_error=1')
command = [fuzzer, f'-runs={runs}', '-print_final_stats=1', '-timeout=20',
           f'-artifact_prefix={crashes}/', corpus, seeds]
start = time.monotonic()
with open(log_path, 'w') as log:
    rc = subprocess.call(command, stdout=log, stderr=subprocess.STDOUT, env=env)
seconds = time.monotonic() - start

text = open(log_path, errors='replace').read()
stats = dict(re.findall(r'^stat::(\w+):\s*(\d+)', text, re.M))
progress = re.findall(r'^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/(\S+)', text, re.M)
inited = re.search(r'^#\d+\s+INITED\s+cov: (\d+) ft: (\d+)', text, re.M)
execs = int(stats.get('number_of_executed_units', 0))
per_second = int(stats.get('average_exec_per_sec', 0))
if per_second == 0 and seconds > 0:  # libFuzzer counts whole seconds
    per_second = int(execs / seconds)
line = f'fuzz-{name}: {execs} executions in {seconds:.0f} s, {per_second} execs/s'
if progress:
    _, cov, ft, corp, size = progress[-1]
    line += f', cov: {cov} ft: {ft}, corpus {corp} inputs ({size})'
if inited:
    line += f'; from the seeds alone cov: {inited.group(1)} ft: {inited.group(2)}'
print(line)
if rc != 0:
    print(f'fuzz-{name}: libFuzzer exited with {rc}; the end of {log_path}:')
    print('\n'.join(text.splitlines()[-40:]))
    found = sorted(os.listdir(crashes))
    if found:
        print(f'fuzz-{name}: inputs in {crashes}: {" ".join(found)}')
sys.exit(rc)
