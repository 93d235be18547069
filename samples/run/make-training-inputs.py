#!/usr/bin/env python3
"""Writes the audit start-up cache's training inputs: the sample Kubernetes manifests and Compose services of this
directory, each repeated under distinct names, so that the training run's profiles are those of a large input (the
JIT then compiles the reading, checking and report writing that a large audit spends its time in, from the start).

usage: make-training-inputs.py OUT_DIR [COPIES]   (default: 300 copies; writes OUT_DIR/k8s.yaml, OUT_DIR/compose.yaml)
"""
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
copies = int(sys.argv[2]) if len(sys.argv) > 2 else 300
os.makedirs(out, exist_ok=True)

with open(os.path.join(here, "k8s.yaml"), encoding="utf-8") as f:
    documents = f.read().split("\n---\n")
with open(os.path.join(out, "k8s.yaml"), "w", encoding="utf-8") as f:
    f.write("\n---\n".join(re.sub(r"\bname: (\w[\w.-]*)", lambda m: "name: %s-%d" % (m.group(1), i), d)
                           for i in range(copies) for d in documents))

with open(os.path.join(here, "compose.yaml"), encoding="utf-8") as f:
    compose = f.read()
head, services = compose.split("\nservices:\n", 1)
with open(os.path.join(out, "compose.yaml"), "w", encoding="utf-8") as f:
    f.write(head + "\nservices:\n")
    for i in range(copies):
        # service keys are the two-space-indented keys of the services block
        f.write(re.sub(r"(?m)^  ([a-z][\w-]*):\s*$", lambda m: "  %s-%d:" % (m.group(1), i), services) + "\n")
