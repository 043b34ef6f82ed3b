import Foundation
import SkillsGraph

/// Who one input file defines, and their ids by WID, as `VendorConversion` gathers them from
/// every file before converting any in its turn (a reference or a manager may name someone on
/// another page).
enum IDTables {
  /// A native file's people: each defines its id.
  case native([PersonRecord])
  /// A vendor file's people as read: each that is not a reference defines its id and WID.
  case vendor([VendorPerson])
  /// A vendor file's tables, gathered on its reading thread while it was converted.
  case gathered(defined: Set<String>, wids: [String: String])

  /// From how many entries in all the two tables are made at once.
  static let bothAtOnceFrom = 4096

  /// Every file's defined ids in one set, and every WID's id, a later file's winning.
  ///
  /// The two tables depend on nothing but `files`, so from `bothAtOnceFrom` entries up, on a machine
  /// with more than one core, they are made at once: for a 40,000-worker export's pages each
  /// took about 8 ms on the thread every import waits for. Tests move the count (`splitFrom`).
  /// - Returns: the defined ids and the ids by WID.
  static func gather(
    _ files: [IDTables], splitFrom: Int = bothAtOnceFrom
  ) -> (defined: Set<String>, wids: [String: String]) {
    var size = (defined: 0, wids: 0)
    for file in files {
      switch file {
      case .native(let people): size.defined &+= people.count
      case .vendor(let people):
        size.defined &+= people.count
        size.wids &+= people.count
      case .gathered(let defined, let wids):
        size.defined &+= defined.count
        size.wids &+= wids.count
      }
    }
    if size.defined &+ size.wids >= splitFrom, ProcessInfo.processInfo.activeProcessorCount > 1 {
      return Alongside.both(
        { defined(files, reserving: size.defined) }, { wids(files, reserving: size.wids) })
    }
    return (defined(files, reserving: size.defined), wids(files, reserving: size.wids))
  }

  /// Every id some file defines.
  private static func defined(_ files: [IDTables], reserving room: Int) -> Set<String> {
    var defined = Set<String>()
    for file in files {
      switch file {
      case .native(let people):
        for person in people { defined.insert(person.id.value) }
      case .vendor(let people):
        for person in people where !person.isReference { defined.insert(person.id.value) }
      case .gathered(let ids, _):
        if defined.isEmpty {
          // The first file's table as it is; reserving copies it, so only for more files.
          defined = ids
          if room > defined.count { defined.reserveCapacity(room) }
        } else {
          defined.formUnion(ids)
        }
      }
    }
    return defined
  }

  /// Each WID's id, as the last file to give the WID says.
  private static func wids(_ files: [IDTables], reserving room: Int) -> [String: String] {
    var wids: [String: String] = [:]
    for file in files {
      switch file {
      case .native:
        continue
      case .vendor(let people):
        for person in people where !person.isReference {
          if let wid = person.wid { wids[wid] = person.id.value }
        }
      case .gathered(_, let table):
        if wids.isEmpty {
          wids = table
          if room > wids.count { wids.reserveCapacity(room) }
        } else {
          wids.merge(table) { _, later in later }
        }
      }
    }
    return wids
  }
}
