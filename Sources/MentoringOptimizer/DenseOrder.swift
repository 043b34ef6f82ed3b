import SkillsGraph

/// Positions of `ids` in natural id order (ties keep input order).
///
/// Inputs usually come sorted already, and checking that takes n − 1 comparisons instead of a
/// sort's n log n.
func naturalOrderPositions<Tag>(_ ids: [Identifier<Tag>]) -> [Int] {
  var positions = Array(ids.indices)
  for index in ids.indices.dropFirst() where ids[index] < ids[index - 1] {
    positions.sort { ids[$0] < ids[$1] }
    break
  }
  return positions
}

/// The values of `list`, ascending, each once.
func sortedUnique(_ list: [Int]) -> [Int] {
  if list.count < 2 { return list }
  var result = list
  result.sort()
  var kept = 1
  for index in 1..<result.count where result[index] != result[kept - 1] {
    result[kept] = result[index]
    kept += 1
  }
  result.removeLast(result.count - kept)
  return result
}

/// Tolerance for comparing sums of hours, which are sums of products of decimal inputs.
let hourEpsilon = 1e-9
