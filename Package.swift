// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Understudy",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "understudy", targets: ["understudy"]),
    .library(name: "SkillsGraph", targets: ["SkillsGraph"]),
    .library(name: "HRImport", targets: ["HRImport"]),
    .library(name: "MentoringOptimizer", targets: ["MentoringOptimizer"]),
    .library(name: "OrgGenerator", targets: ["OrgGenerator"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "Pseudonyms", targets: ["Pseudonyms"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    .target(
      name: "SkillsGraph",
      dependencies: [.product(name: "HeapModule", package: "swift-collections")]
    ),
    .target(
      name: "HRImport",
      dependencies: [
        "SkillsGraph", "CLibXML2",
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Resources/understudy-org-1.xsd")]
    ),
    .target(
      name: "MentoringOptimizer",
      dependencies: [
        "SkillsGraph", .product(name: "HeapModule", package: "swift-collections"),
      ]),
    .target(name: "OrgGenerator", dependencies: ["SkillsGraph"]),
    .target(name: "Reports", dependencies: ["SkillsGraph", "MentoringOptimizer"]),
    // Workshop mode's pseudonyms: HMAC-SHA-256 from swift-crypto, which brings Foundation types,
    // so it lives apart from SkillsGraph; it renames finished report content, so it sits above
    // Reports.
    .target(
      name: "Pseudonyms",
      dependencies: [
        "SkillsGraph", "MentoringOptimizer", "Reports",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "understudy",
      dependencies: [
        "SkillsGraph", "HRImport", "MentoringOptimizer", "Reports", "OrgGenerator", "Pseudonyms",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fixtures and the seeded generator the test targets share; in no product.
    .target(
      name: "TestSupport", dependencies: ["SkillsGraph", "OrgGenerator"],
      path: "Tests/TestSupport"
    ),
    .testTarget(name: "SkillsGraphTests", dependencies: ["SkillsGraph", "TestSupport"]),
    .testTarget(
      name: "HRImportTests",
      dependencies: ["HRImport", "SkillsGraph", "TestSupport", "OrgGenerator", "Reports"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "MentoringOptimizerTests",
      dependencies: ["MentoringOptimizer", "SkillsGraph", "TestSupport"]
    ),
    .testTarget(name: "OrgGeneratorTests", dependencies: ["OrgGenerator", "SkillsGraph"]),
    .testTarget(
      name: "PseudonymsTests",
      dependencies: ["Pseudonyms", "SkillsGraph", "MentoringOptimizer", "Reports", "TestSupport"]
    ),
    .testTarget(
      name: "ReportsTests",
      dependencies: [
        "Reports", "SkillsGraph", "MentoringOptimizer", "TestSupport", "OrgGenerator",
      ],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "UnderstudyCLITests", dependencies: ["understudy", "TestSupport", "Pseudonyms"],
      exclude: ["Fixtures"]
    ),
  ]
)
