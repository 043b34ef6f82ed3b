// swift-tools-version: 6.1
// libFuzzer harnesses over the public import API, one executable per entry point. Never built by
// `swift build` or `swift test` at the root; scripts/fuzz.sh builds them with
// `-sanitize=fuzzer,address` and runs them (RELIABILITY.md).
import PackageDescription

/// Harness name → the executable `fuzz-NAME`, from `Sources/fuzz-NAME/main.swift`.
let harnesses = [
  "native", "native-schema", "workday", "successfactors", "bamboohr", "hrxml3", "hrxml2",
  "europass", "mapping", "mapping-file", "spreadsheet", "plan",
]

let package = Package(
  name: "UnderstudyFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Understudy", path: "..")],
  targets: [
    .target(name: "CLibFuzzer"),
    .target(
      name: "FuzzSupport",
      dependencies: [
        "CLibFuzzer",
        .product(name: "HRImport", package: "Understudy"),
        .product(name: "SkillsGraph", package: "Understudy"),
        .product(name: "MentoringOptimizer", package: "Understudy"),
        .product(name: "Reports", package: "Understudy"),
      ]),
  ]
    + harnesses.map { name in
      .executableTarget(
        name: "fuzz-\(name)",
        dependencies: [
          "FuzzSupport", .product(name: "HRImport", package: "Understudy"),
        ])
    }
)
