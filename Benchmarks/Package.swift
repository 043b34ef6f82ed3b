// swift-tools-version: 6.1
// Benchmarks for the mentoring optimizer. A package of its own so `swift test` at the root never
// builds it; run it in release through run-quality.sh and run-scale.sh.
import PackageDescription

let package = Package(
  name: "UnderstudyBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Understudy", path: "..")],
  targets: [
    .executableTarget(
      name: "optimizer-bench",
      dependencies: [
        .product(name: "HRImport", package: "Understudy"),
        .product(name: "MentoringOptimizer", package: "Understudy"),
        .product(name: "OrgGenerator", package: "Understudy"),
        .product(name: "SkillsGraph", package: "Understudy"),
      ],
      path: "Sources/OptimizerBench")
  ]
)
