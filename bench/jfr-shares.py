#!/usr/bin/env python3
"""Where the server's CPU goes, from a JFR recording (issue 18): each execution sample is charged
to the first frame, from the top of its stack down, that belongs to a known library or to the
application, and to the background worker whose thread took it.

  jcmd <pid> JFR.start name=b settings=profile; <load>; jcmd <pid> JFR.dump name=b filename=x.jfr
  bench/jfr-shares.py x.jfr
  bench/jfr-shares.py x.jfr GradingRules,SlaPolicies   # also: container code charged to these beans

With class names (simple names of the application's beans), it also reports the samples whose top
known frame is container code (EJB, transactions, CDI, HK2, Payara) and whose nearest application
frame below is a call into one of those beans (its EJB or CDI proxy): what calling them through
the container costs (issue 18).

Do not change JFR's stack depth on a running server (jcmd JFR.configure stackdepth=…): on this
JDK (17.0.15) the next allocation sample crashed the JVM in JfrTraceIdKlassQueue::enqueue. The
default depth (64) cuts the bottom of deep stacks, so the work is told by the sampled thread's name.
"""
import collections
import re
import subprocess
import sys

# (share, frame prefixes), first match from the top of the stack wins
LIBRARIES = [
    ("JWT and Jakarta Security (Payara, Soteria, Nimbus)", ("fish.payara.microprofile.jwtauth", "org.glassfish.soteria", "com.nimbusds", "com.sun.web.security", "com.sun.jaspic", "com.sun.enterprise.security")),
    ("request tracing and metrics (Payara)", ("fish.payara.opentracing", "fish.payara.requesttracing", "fish.payara.microprofile.metrics", "io.opentracing", "fish.payara.notification")),
    ("PostgreSQL driver", ("org.postgresql",)),
    ("JPA (EclipseLink)", ("org.eclipse.persistence",)),
    ("JSON (Yasson, Parsson)", ("org.eclipse.yasson", "org.eclipse.parsson", "org.glassfish.json")),
    ("Bean Validation (Hibernate Validator)", ("org.hibernate.validator",)),
    ("JAX-RS (Jersey)", ("org.glassfish.jersey",)),
    ("CDI (Weld)", ("org.jboss.weld",)),
    ("EJB and transactions (Payara)", ("com.sun.ejb", "com.sun.enterprise.transaction", "org.glassfish.ejb", "com.sun.enterprise.resource", "com.sun.gjc", "com.sun.enterprise.connectors")),
    ("JMS (Artemis client)", ("org.apache.activemq",)),
    ("HTTP (Grizzly, servlet container)", ("org.glassfish.grizzly", "org.apache.catalina", "org.apache.coyote", "com.sun.enterprise.web", "org.glassfish.web")),
    ("this application", ("bank.", "db.migration")),
    ("other container code (HK2, Hazelcast, Payara)", ("org.jvnet.hk2", "org.glassfish", "fish.payara", "com.hazelcast", "com.sun")),
]

WORKERS = [
    ("outbox relay", "bank.complaints.outbox."),
    ("audit chain", "bank.complaints.audit.AuditLinker"),
    ("statistics", "bank.complaints.statistics."),
    ("escalation scanner", "bank.complaints.escalation."),
]


CONTAINER = ("com.sun.ejb", "com.sun.enterprise", "org.glassfish", "org.jboss.weld", "org.jvnet.hk2", "fish.payara")


def container_under(events, beans):
    """Samples in container code whose nearest application frame below calls one of the beans."""
    hits, total, traced = collections.Counter(), 0, 0
    for event in events:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
        if not frames:
            continue
        total += 1
        if any("addEjbMethodTraceLog" in f for f in frames):
            traced += 1
        top = next((f for f in frames if f.startswith(("bank.", "org.", "com.", "fish.", "io.", "jakarta."))), None)
        if top is None or not top.startswith(CONTAINER):
            continue
        caller = next((f for f in frames if f.startswith("bank.")), "")
        bean = next((b for b in beans if re.search(r"\." + b + r"(\$Proxy|\$\$|__)|__" + b + "__", caller)), None)
        if bean:
            hits[bean] += 1
    n = sum(hits.values())
    print()
    print(f"container code charged to {', '.join(beans)}: {n} samples, {100 * n / max(total, 1):.1f} % "
          f"({', '.join(f'{b} {c}' for b, c in hits.most_common())})")
    print(f"OpenTracingService.isEnabled looked up per EJB call: {100 * traced / max(total, 1):.1f} %")


def main(path, beans=None):
    text = subprocess.run(["jfr", "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    shares, workers, total = collections.Counter(), collections.Counter(), 0
    events = text.split("jdk.ExecutionSample")[1:]
    for event in events:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
        if not frames:
            continue
        total += 1
        # the first frame from the top that a library (or the application) owns
        name = "JDK only"
        for f in frames:
            hit = next((n for n, prefixes in LIBRARIES if f.startswith(prefixes)), None)
            if hit:
                name = hit
                break
        shares[name] += 1
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        request = thread is not None and thread.group(1).startswith("http-thread-pool")
        worker = "HTTP requests" if request else next(
            (w for w, prefix in WORKERS if any(f.startswith(prefix) for f in frames)), "other threads")
        workers[worker] += 1
    print(f"{total} samples")
    print("| where the sample's top known frame is | share |")
    print("|---|---:|")
    for name, n in shares.most_common():
        print(f"| {name} | {100 * n / total:.1f} % |")
    print()
    print("| work | share |")
    print("|---|---:|")
    for name, n in workers.most_common():
        print(f"| {name} | {100 * n / total:.1f} % |")
    if beans:
        container_under(events, beans)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(",") if len(sys.argv) > 2 else None)
