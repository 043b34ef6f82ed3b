#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for one streamed record's nodes and text, handed out in order and taken back all at
/// once when the record has been read.
///
/// A Workday worker is about seventy elements, as many text nodes and a few attributes: built
/// with libxml2's own tree functions that is two hundred `malloc`s and as many `free`s, about a
/// third of the instructions of a streamed import. Here a piece costs a pointer bump in blocks
/// that stay warm in the cache from one record to the next. Plain pointers throughout (no Swift
/// arrays or classes), so the hot path has no reference counting or exclusivity checks.
struct NodeArena: ~Copyable {
  /// The size of an ordinary block; larger pieces get an allocation of their own.
  private static let blockSize = 64 << 10
  /// Ordinary blocks kept between records (a larger record's extra ones are freed).
  private static let blocksKept = 16

  private var cursor: UnsafeMutableRawPointer
  private var remaining: Int
  /// Every ordinary block, in use order, in a buffer of `capacity` entries.
  private var blocks: UnsafeMutablePointer<UnsafeMutableRawPointer>
  private var blockCount = 1
  private var capacity = 16
  /// The block `cursor` is in.
  private var block = 0
  /// Pieces larger than a quarter block, each allocated on its own, freed at `reset`.
  private var large: UnsafeMutablePointer<UnsafeMutableRawPointer>
  private var largeCount = 0
  private var largeCapacity = 16

  init() {
    blocks = .allocate(capacity: capacity)
    large = .allocate(capacity: largeCapacity)
    let first = Self.system(Self.blockSize)
    blocks[0] = first
    cursor = first
    remaining = Self.blockSize
  }

  deinit {
    for index in 0..<blockCount { free(blocks[index]) }
    for index in 0..<largeCount { free(large[index]) }
    blocks.deallocate()
    large.deallocate()
  }

  private static func system(_ count: Int) -> UnsafeMutableRawPointer {
    guard let pointer = malloc(count) else { preconditionFailure("out of memory") }
    return pointer
  }

  /// `count` bytes aligned to 16, valid until the next `reset`.
  @inline(__always)
  mutating func allocate(_ count: Int) -> UnsafeMutableRawPointer {
    let rounded = (count &+ 15) & ~15
    if rounded <= remaining {
      let pointer = cursor
      cursor += rounded
      remaining &-= rounded
      return pointer
    }
    return allocateSlowly(rounded)
  }

  private mutating func allocateSlowly(_ rounded: Int) -> UnsafeMutableRawPointer {
    if rounded > Self.blockSize / 4 {
      if largeCount == largeCapacity {
        large = Self.grown(large, count: largeCount, to: 2 * largeCapacity)
        largeCapacity *= 2
      }
      let pointer = Self.system(rounded)
      large[largeCount] = pointer
      largeCount += 1
      return pointer
    }
    block += 1
    if block == blockCount {
      if blockCount == capacity {
        blocks = Self.grown(blocks, count: blockCount, to: 2 * capacity)
        capacity *= 2
      }
      blocks[blockCount] = Self.system(Self.blockSize)
      blockCount += 1
    }
    cursor = blocks[block] + rounded
    remaining = Self.blockSize - rounded
    return blocks[block]
  }

  private static func grown(
    _ buffer: UnsafeMutablePointer<UnsafeMutableRawPointer>, count: Int, to capacity: Int
  ) -> UnsafeMutablePointer<UnsafeMutableRawPointer> {
    let larger = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: capacity)
    larger.moveInitialize(from: buffer, count: count)
    buffer.deallocate()
    return larger
  }

  /// A value of `type` (a libxml2 node or attribute struct) set to `value`.
  @inline(__always)
  mutating func make<T>(_ value: T) -> UnsafeMutablePointer<T> {
    let pointer = allocate(MemoryLayout<T>.stride).bindMemory(to: T.self, capacity: 1)
    pointer.initialize(to: value)
    return pointer
  }

  /// Takes every piece back; keeps a few blocks for the next record.
  mutating func reset() {
    for index in 0..<largeCount { free(large[index]) }
    largeCount = 0
    while blockCount > Self.blocksKept {
      blockCount -= 1
      free(blocks[blockCount])
    }
    block = 0
    cursor = blocks[0]
    remaining = Self.blockSize
  }
}
