"""The demo's sample news site, served on loopback for the demo, the tests and the benchmarks."""
