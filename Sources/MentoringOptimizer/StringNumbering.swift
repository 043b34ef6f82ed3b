/// Numbers strings in the order they are first added.
///
/// Every person's skills and department are looked up here, so ASCII keys (the usual kind) go
/// through a small open-addressing table hashed with FNV-1a over their bytes, several times
/// cheaper than a `Dictionary`, whose seeded hashing and, on first use in a process, type
/// metadata cost more than the whole table. A `Dictionary` takes over, with every key, as soon as
/// a key is not ASCII (`String` equality is canonical equivalence, which bytes do not see: the
/// Kelvin sign equals the letter K) or a probe sequence grows past ``maxProbes`` (crafted
/// collisions), so lookups always follow `String` equality.
struct StringNumbering {
  private(set) var keys: [String] = []
  /// Slot → key number + 1, or 0 when empty; the count is a power of two.
  private var table = [Int32](repeating: 0, count: 32)
  /// Every key, once the table no longer answers.
  private var fallback: [String: Int]?
  static let maxProbes = 32

  /// FNV-1a of an ASCII key's bytes, or nil when it has other characters.
  private static func hash(_ key: String) -> Int? {
    var key = key
    return key.withUTF8 { bytes -> Int? in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes {
        if byte >= 0x80 { return nil }
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
      return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
  }

  /// The number of `key`, or nil when it was never added.
  mutating func find(_ key: String) -> Int? {
    if let fallback { return fallback[key] }
    guard let hash = Self.hash(key) else { return useDictionary()[key] }
    let mask = table.count - 1
    var slot = hash & mask
    for _ in 0..<Self.maxProbes {
      let entry = Int(table[slot])
      if entry == 0 { return nil }
      if keys[entry - 1] == key { return entry - 1 }
      slot = (slot + 1) & mask
    }
    return useDictionary()[key]
  }

  /// Numbers a key `find` does not know.
  mutating func add(_ key: String) -> Int {
    let number = keys.count
    keys.append(key)
    if fallback != nil {
      fallback?[key] = number
    } else if let hash = Self.hash(key) {
      if 2 * keys.count > table.count { grow() } else { place(number, hash) }
    } else {
      useDictionary()
    }
    return number
  }

  /// The number of `key`, adding it when new.
  mutating func number(_ key: String) -> Int { find(key) ?? add(key) }

  private mutating func place(_ number: Int, _ hash: Int) {
    let mask = table.count - 1
    var slot = hash & mask
    var probes = 0
    while table[slot] != 0 {
      slot = (slot + 1) & mask
      probes += 1
    }
    table[slot] = Int32(truncatingIfNeeded: number + 1)
    if probes >= Self.maxProbes { useDictionary() }
  }

  private mutating func grow() {
    table = [Int32](repeating: 0, count: table.count * 2)
    for (number, key) in keys.enumerated() {
      guard fallback == nil, let hash = Self.hash(key) else { return }
      place(number, hash)
    }
  }

  /// Switches to a `Dictionary` of every key for good.
  @discardableResult
  private mutating func useDictionary() -> [String: Int] {
    if let fallback { return fallback }
    var all: [String: Int] = [:]
    for (number, key) in keys.enumerated() where all[key] == nil { all[key] = number }
    fallback = all
    table = []
    return all
  }
}
