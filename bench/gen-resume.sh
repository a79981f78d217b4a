#!/usr/bin/env bash
# Writes a generated .resume with N experience entries (three bullets each) to stdout: the
# same shape as generated_resume() in bench/bench_support.hpp, for the whole-process scaling
# script. Usage: bench/gen-resume.sh N [NAME]
set -euo pipefail
n=${1:?usage: gen-resume.sh N [NAME]}
name=${2:-Aysel Hüseynova}
roles=("Senior Backend Engineer" "Infrastructure Engineer" "Site Reliability Engineer"
  "Software Developer" "Platform Engineer")
orgs=("Kapital Ödəniş" "Şəki İpək Bank" "Gəncə Rəqəmsal" "Northwind Exchange" "Silkway Telecom")
bullets=(
  "Moved {n} services to **Kubernetes** with Helm and Argo CD {kubernetes}"
  "Wrote the Terraform for the card-tokenisation environment on AWS {terraform, aws}"
  "Cut p99 latency of the payment API by {n} % with connection pooling in Go {go}"
  "Built the account-ledger service in Java 17 and Spring Boot on PostgreSQL {java}"
  "Introduced Kafka for card-authorisation events; latency fell from 2 s to {n} ms {kafka}"
  "Ran the on-call rotation for {n} engineers and rewrote every runbook {sre}"
  "Defined SLOs and error budgets for {n} customer-facing services with Prometheus {sre}"
  "Automated database failover drills; recovery time fell to {n} seconds {postgresql}"
  "Mentored {n} engineers through their first production incident reviews"
  "Developed C# and .NET services for municipal payments in Gəncə {csharp, dotnet}"
  "Maintained the MySQL schemas and wrote {n} automated database migrations {sql}"
  "Built CI/CD pipelines in GitHub Actions that ship in under {n} minutes {ci}"
  "Packaged {n} services with Helm and deployed them with Argo CD {helm}"
  "Kept secrets in Vault and rotated {n} credentials without downtime {security}"
  "Traced TCP stalls with eBPF and bpftrace; a two-line fix removed {n} % of timeouts {ebpf}"
)
cat <<HEAD
name:     $name
headline: Senior Backend Engineer
email:    aysel@example.az
location: Bakı, Azerbaijan
link:     GitHub <https://github.com/aysel-h-example>

== Summary
Backend engineer on payment systems in **Go** and **Java**: idempotent APIs, ledgers that
reconcile, and queues that survive a bad day.

== Experience
HEAD
for ((i = 0; i < n; i++)); do
  k=$((i % 5))
  end=$((2026 - i / 2))
  echo "=== ${roles[k]} | ${orgs[(i / 5) % 5]} | Bakı | $((end - 1))-0$((1 + k)) – $end-0$((1 + k))"
  for ((b = 0; b < 3; b++)); do
    line=${bullets[k * 3 + b]}
    echo "- ${line/\{n\}/$((10 + i))}"
  done
  echo
done
cat <<'TAIL'
== Education
=== BSc Computer Science | Bakı Dövlət Universiteti | Bakı | 2009 – 2013

== Skills
Languages: Go, Java, Python, C++, C#
Backend: Spring Boot, gRPC, REST, Kafka, PostgreSQL, Redis
Infrastructure: Kubernetes, Helm, Terraform, Docker, AWS, Vault, Prometheus
TAIL
