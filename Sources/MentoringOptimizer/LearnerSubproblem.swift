/// The skills a learner misses for two or more of their candidate roles, found once for the
/// relaxation's learner subproblem (`LagrangianWeeksBound.exactLearnerGain`).
///
/// One pair per mentee and skill serves every role that needs the skill, so these are the only
/// places where the learner's candidates interact; everything else a candidate misses is its own.
struct SharedSkills {
  /// Missed requirement → shared skill number, or -1.
  let missShared: [Int]
  /// Learner → start offset into `levelStart` (one entry per shared skill), plus an end.
  let learnerStart: [Int]
  /// Shared skill → start offset into `levelMiss`, plus an end.
  let levelStart: [Int]
  /// One missed requirement per distinct level of a shared skill, by ascending level.
  let levelMiss: [Int]
  /// Shared skill → the earliest ready week among the candidates missing it.
  let ready: [Int]
  /// Training item (``CascadeTraining``) → its shared skill, or -1; → the one missed requirement
  /// of its skill when a single candidate misses it, or -1.
  let itemShared: [Int]
  let itemSolo: [Int]
  /// Missed requirement → the training item of its skill when it is that item's solo miss, or -1.
  let missSolo: [Int]
  /// Shared skill → the learner's training item in it, or -1.
  let sharedItem: [Int]

  init(
    learnerStart candidatesStart: [Int], learnerCandidates: [Int], missStart: [Int],
    missSkill: [Int], missLevel: [Int], candidateReady: [Int], itemStart: [Int] = [],
    itemMiss: [Int] = []
  ) {
    var missShared = [Int](repeating: -1, count: missSkill.count)
    var learnerStart = [0]
    var levelStart = [0]
    var levelMiss: [Int] = []
    var ready: [Int] = []
    var itemShared = [Int](repeating: -1, count: itemMiss.count)
    var itemSolo = [Int](repeating: -1, count: itemMiss.count)
    var missSolo = [Int](repeating: -1, count: missSkill.count)
    var sharedItem: [Int] = []
    for learner in 0..<(candidatesStart.count - 1) {
      // Skill → the learner's training item in it.
      var itemOf: [Int: Int] = [:]
      if learner + 1 < itemStart.count {
        for item in itemStart[learner]..<itemStart[learner + 1] {
          itemOf[missSkill[itemMiss[item]]] = item
        }
      }
      let members = learnerCandidates[candidatesStart[learner]..<candidatesStart[learner + 1]]
      // Skill → the learner's misses of it, in candidate order (so the result is deterministic).
      var bySkill: [Int: [Int]] = [:]
      var order: [Int] = []
      for candidate in members {
        for miss in missStart[candidate]..<missStart[candidate + 1] {
          if bySkill[missSkill[miss]] == nil { order.append(missSkill[miss]) }
          bySkill[missSkill[miss], default: []].append(miss)
        }
      }
      for skill in order {
        let misses = bySkill[skill] ?? []
        let item = itemOf[skill] ?? -1
        guard misses.count > 1 else {
          if item >= 0, let only = misses.first {
            itemSolo[item] = only
            missSolo[only] = item
          }
          continue
        }
        let number = ready.count
        if item >= 0 { itemShared[item] = number }
        sharedItem.append(item)
        var earliest = Int.max
        var levels: [(level: Int, miss: Int)] = []
        for miss in misses {
          missShared[miss] = number
          if !levels.contains(where: { $0.level == missLevel[miss] }) {
            levels.append((missLevel[miss], miss))
          }
        }
        for candidate in members
        where (missStart[candidate]..<missStart[candidate + 1]).contains(where: {
          missShared[$0] == number
        }) {
          earliest = min(earliest, candidateReady[candidate])
        }
        // A training to a mentoring level no role of the learner's needs is one more level.
        if item >= 0, !levels.contains(where: { $0.level == missLevel[itemMiss[item]] }) {
          levels.append((missLevel[itemMiss[item]], itemMiss[item]))
        }
        levels.sort { $0.level < $1.level }
        levelMiss += levels.map(\.miss)
        levelStart.append(levelMiss.count)
        ready.append(earliest)
      }
      learnerStart.append(ready.count)
    }
    self.missShared = missShared
    self.learnerStart = learnerStart
    self.levelStart = levelStart
    self.levelMiss = levelMiss
    self.ready = ready
    self.itemShared = itemShared
    self.itemSolo = itemSolo
    self.missSolo = missSolo
    self.sharedItem = sharedItem
  }
}

extension LagrangianWeeksBound {
  /// Past this many combinations of shared-skill choices a learner is priced with shares.
  static let combinationLimit = 4096

  /// The learner's best value under the current prices, found exactly; `nil` when their shared
  /// skills allow too many combinations (the caller then prices each candidate with shares).
  ///
  /// The learner chooses, for each skill they miss, whether to learn it, up to which level and in
  /// which week the pair ends, with which mentor; each candidate role counts from a week no earlier
  /// than its ready week and the ends of all its pairs. A pair's price (its mentor's hour and slot
  /// prices and the learner's hour prices) falls as its end week grows and changes only past a
  /// checkpoint or once a trained mentor could teach it, so a shared skill need only end at the
  /// first week of such a price step, at the lowest level that serves the roles it is meant for.
  /// Skills only one candidate misses end with that candidate's own week. So the search runs over
  /// the shared skills' (level, week) choices, with each candidate's best week from a given floor
  /// read off a suffix maximum. Each pair is charged once, whatever number of roles it serves: the
  /// value is no more than the shares' (see ``LagrangianWeeksBound``) and still no less than any
  /// plan's.
  ///
  /// With cascades a pair may instead be taught by a trained mentor at the prices of
  /// ``CascadeTraining``, and a pair that makes the learner a mentor (their training items) earns
  /// the supply it brings, which falls as its end week grows: such a pair may end before the
  /// roles it serves count, so a skill only one candidate misses is then chosen on its own, the
  /// best option ending by each week (a prefix maximum), and a training no role needs is chosen
  /// alone.
  ///
  /// On success adds the choice's use to the tallies of the subgradient.
  func exactLearnerGain(
    _ learner: Int, roleSuffix: [Double], priceFrom: [Double], beta: [Double],
    learnPriceFrom: [Double], cascade: CascadePrices, counted: inout [Int],
    usage: inout [Double], linkUse: inout [Double], learnUse: inout [Double],
    cascadeTally: inout CascadeTally
  ) -> Double? {
    let points = checkpoints.count
    let learnRow = learner * (points + 1)
    // A pair's price for a missed requirement ending in `week`, and its cheapest mentor's position
    // in `mentorList` (-1 when a trained mentor teaches it).
    func pairPrice(_ miss: Int, _ week: Int) -> (price: Double, position: Int) {
      let point = checkpointFrom[week]
      let learnPart = missPairLearnHours[miss] * learnPriceFrom[learnRow + point]
      var cheapest =
        week >= missFreeFrom[miss] ? cascadePrice(miss, week, cascade) : Double.infinity
      var chosen = -1
      for position in missMentors[miss]..<missMentors[miss + 1] {
        let number = mentorList[position]
        let price =
          missPairHours[miss] * priceFrom[number * (points + 1) + point]
          + beta[links.entryLink[position]]
        if price < cheapest {
          cheapest = price
          chosen = position
        }
      }
      return (cheapest + learnPart, chosen)
    }
    // The first week after `week` at which the price for `miss` may change.
    func nextStep(_ miss: Int, after week: Int) -> Int {
      // A trained mentor's price changes week by week with the latest week of their training.
      if week >= missFreeFrom[miss], training.missCascade[miss] >= 0,
        cascade.priced || latestTraining(miss, week) <= 0
      {
        return week + 1
      }
      let point = checkpointFrom[week]
      var next = point < points ? checkpoints[point] + 1 : weeks + 1
      let free = missFreeFrom[miss]
      if free > week, free < next { next = free }
      return next
    }
    // Whether a pair for `miss` makes the learner a mentor of the item's skill.
    func earns(_ item: Int, _ miss: Int) -> Bool {
      item >= 0 && missLevel[miss] >= missLevel[training.itemMiss[item]]
    }
    // A pair's options from `start`: its end week at each price step, with its value (earnings
    // less price) and mentor.
    func pairOptions(
      _ miss: Int, item: Int, from start: Int
    )
      -> [(week: Int, value: Double, position: Int)]
    {
      var list: [(week: Int, value: Double, position: Int)] = []
      let earning = earns(item, miss)
      var week = start
      while week <= weeks {
        let (price, position) = pairPrice(miss, week)
        if price.isFinite {
          let earned = earning ? trainingEarnings(item, week, cascade) : 0
          list.append((week, earned - price, position))
        }
        week = nextStep(miss, after: week)
      }
      return list
    }
    // A training on its own: its best option, or none when nothing is worth it.
    func alone(_ item: Int) -> (value: Double, week: Int, position: Int) {
      var best = (value: 0.0, week: 0, position: -1)
      guard cascade.priced else { return best }
      for option in pairOptions(
        training.itemMiss[item], item: item, from: training.itemEarliest[item])
      where option.value > best.value + 1e-12 {
        best = (option.value, option.week, option.position)
      }
      return best
    }
    func chargePair(_ miss: Int, _ week: Int, _ position: Int, item: Int) {
      let point = checkpointFrom[week]
      if position >= 0 {
        let mentor = mentorList[position]
        for later in point..<points { usage[mentor * points + later] += missPairHours[miss] }
        linkUse[links.entryLink[position]] += 1
      } else if week >= missFreeFrom[miss] {
        chargeCascade(miss, week, share: 1, &cascadeTally)
      }
      for later in point..<points {
        learnUse[learner * points + later] += missPairLearnHours[miss]
      }
      if earns(item, miss) { chargeSupply(item, week, cascade, &cascadeTally) }
    }

    // Options of each shared skill: (level index, week, price, mentor position); option 0 is
    // "not learned".
    let sharedRange = learnerSharedStart[learner]..<learnerSharedStart[learner + 1]
    var options: [[(level: Int, week: Int, price: Double, position: Int)]] = []
    var combinations = 1
    for shared in sharedRange {
      var list: [(level: Int, week: Int, price: Double, position: Int)] = [(-1, 0, 0, -1)]
      let levels = sharedLevelStart[shared]..<sharedLevelStart[shared + 1]
      let item = training.sharedItem[shared]
      for (index, miss) in sharedLevelMiss[levels].enumerated() {
        let start =
          earns(item, miss)
          ? min(sharedReady[shared], training.itemEarliest[item]) : sharedReady[shared]
        for option in pairOptions(miss, item: item, from: start) {
          list.append((index, option.week, -option.value, option.position))
        }
      }
      // A choice is no better than one ending no later, at a level no lower, for no more; of
      // equal ones the first stays.
      list = list.enumerated().filter { position, option in
        position == 0
          || !list.enumerated().contains { other, better in
            other != position && other > 0 && better.level >= option.level
              && better.week <= option.week && better.price <= option.price
              && (better.level > option.level || better.week < option.week
                || better.price < option.price || other < position)
          }
      }.map(\.element)
      options.append(list)
      combinations *= list.count
      if combinations > Self.combinationLimit { return nil }
    }

    // Trainings only one candidate's role needs: for that candidate, the best option ending by
    // each week among the levels that serve the role (`soloBest`, rows of `H + 2`), against the
    // training alone.
    let members = learnerCandidates[learnerStart[learner]..<learnerStart[learner + 1]]
    let stride = weeks + 2
    var fixedGain = 0.0
    var aloneChoice: [Int: (value: Double, week: Int, position: Int)] = [:]
    for item in training.items(of: learner) where training.itemShared[item] < 0 {
      let best = alone(item)
      aloneChoice[item] = best
      fixedGain += best.value
    }
    var soloBest: [(value: Double, week: Int, miss: Int, position: Int)] = []

    // Each candidate's best gain counting from a floor week: suffix maxima over its own weeks,
    // with only its own skills priced.
    var bestFrom = [Double](repeating: 0, count: members.count * stride)
    var bestWeek = [Int](repeating: 0, count: members.count * stride)
    for (slot, candidate) in members.enumerated() {
      let role = candidateRole[candidate]
      let ready = candidateReady[candidate]
      var gain = [Double](repeating: -.infinity, count: stride)
      var week = ready
      while week <= weeks {
        var price = 0.0
        var next = weeks + 1
        for miss in missStart[candidate]..<missStart[candidate + 1]
        where missShared[miss] < 0 && training.missSolo[miss] < 0 {
          price += pairPrice(miss, week).price
          next = min(next, nextStep(miss, after: week))
        }
        for inner in week..<next {
          gain[inner] = roleSuffix[role * (weeks + 1) + inner] - price
        }
        week = next
      }
      for miss in missStart[candidate]..<missStart[candidate + 1]
      where missShared[miss] < 0 && training.missSolo[miss] >= 0 {
        let item = training.missSolo[miss]
        let row = soloBest.count
        soloBest += repeatElement(
          (value: -Double.infinity, week: 0, miss: -1, position: -1), count: stride)
        var levels = [miss]
        if missLevel[training.itemMiss[item]] > missLevel[miss] {
          levels.append(training.itemMiss[item])
        }
        for level in levels {
          let start = earns(item, level) ? min(ready, training.itemEarliest[item]) : ready
          for option in pairOptions(level, item: item, from: start)
          where option.value > soloBest[row + option.week].value {
            soloBest[row + option.week] = (option.value, option.week, level, option.position)
          }
        }
        let baseline = aloneChoice[item]?.value ?? 0
        for inner in Swift.stride(from: 1, through: weeks, by: 1) {
          if soloBest[row + inner - 1].value > soloBest[row + inner].value {
            soloBest[row + inner] = soloBest[row + inner - 1]
          }
          gain[inner] += soloBest[row + inner].value - baseline
        }
      }
      let row = slot * stride
      for floor in Swift.stride(from: weeks, through: 1, by: -1) {
        if gain[floor] > bestFrom[row + floor + 1] + 1e-12 {
          bestFrom[row + floor] = gain[floor]
          bestWeek[row + floor] = floor
        } else {
          bestFrom[row + floor] = bestFrom[row + floor + 1]
          bestWeek[row + floor] = bestWeek[row + floor + 1]
        }
      }
    }

    // Every combination of the shared skills' options. Candidates missing no shared skill add
    // the same whatever the choice; the others read flat tables: each option's level (-1 when
    // not learned) and week, and each candidate's shared skills with the level it needs.
    var linkedSlot: [Int] = []
    var linkedStart = [0]
    var linkedShared: [Int] = []
    var linkedLevel: [Int] = []
    for (slot, candidate) in members.enumerated() {
      let before = linkedShared.count
      for miss in missStart[candidate]..<missStart[candidate + 1] where missShared[miss] >= 0 {
        linkedShared.append(missShared[miss] - sharedRange.lowerBound)
        linkedLevel.append(missLevel[miss])
      }
      if linkedShared.count == before {
        fixedGain += bestFrom[slot * stride + 1]
      } else {
        linkedSlot.append(slot)
        linkedStart.append(linkedShared.count)
      }
    }
    var optionStart = [0]
    var optionLevel: [Int] = []
    var optionWeek: [Int] = []
    for (shared, list) in options.enumerated() {
      for option in list {
        optionLevel.append(
          option.level < 0
            ? -1
            : missLevel[
              sharedLevelMiss[sharedLevelStart[sharedRange.lowerBound + shared] + option.level]])
        optionWeek.append(option.week)
      }
      optionStart.append(optionLevel.count)
    }
    var choice = [Int](repeating: 0, count: options.count)
    var bestChoice = choice
    var bestValue = -Double.infinity
    while true {
      var value = fixedGain
      for (shared, option) in choice.enumerated() { value -= options[shared][option].price }
      for (index, slot) in linkedSlot.enumerated() {
        var floor = 1
        var possible = true
        for entry in linkedStart[index]..<linkedStart[index + 1] {
          let option = optionStart[linkedShared[entry]] + choice[linkedShared[entry]]
          if optionLevel[option] < linkedLevel[entry] {
            possible = false
            break
          }
          floor = max(floor, optionWeek[option])
        }
        if possible { value += bestFrom[slot * stride + floor] }
      }
      if value > bestValue + 1e-12 {
        bestValue = value
        bestChoice = choice
      }
      // Next combination, mixed radix.
      var position = 0
      while position < choice.count {
        choice[position] += 1
        if choice[position] < options[position].count { break }
        choice[position] = 0
        position += 1
      }
      if position == choice.count { break }
    }

    // Tally the best combination's use.
    for (shared, option) in bestChoice.enumerated() where option > 0 {
      let chosen = options[shared][option]
      let global = sharedRange.lowerBound + shared
      chargePair(
        sharedLevelMiss[sharedLevelStart[global] + chosen.level], chosen.week, chosen.position,
        item: training.sharedItem[global])
    }
    var soloRow = 0
    var soloTaken = Set<Int>()
    for (slot, candidate) in members.enumerated() {
      var floor = 1
      var possible = true
      for miss in missStart[candidate]..<missStart[candidate + 1] where missShared[miss] >= 0 {
        let shared = missShared[miss] - sharedRange.lowerBound
        let option = options[shared][bestChoice[shared]]
        let levelMiss = sharedLevelMiss[sharedLevelStart[missShared[miss]] + max(0, option.level)]
        if option.level < 0 || missLevel[levelMiss] < missLevel[miss] {
          possible = false
          break
        }
        floor = max(floor, option.week)
      }
      let week = bestWeek[slot * stride + floor]
      let counts = possible && week > 0
      if counts {
        counted[candidateRole[candidate] * weeks + week - 1] += 1
        for miss in missStart[candidate]..<missStart[candidate + 1]
        where missShared[miss] < 0 && training.missSolo[miss] < 0 {
          chargePair(miss, week, pairPrice(miss, week).position, item: -1)
        }
      }
      for miss in missStart[candidate]..<missStart[candidate + 1]
      where missShared[miss] < 0 && training.missSolo[miss] >= 0 {
        let item = training.missSolo[miss]
        if counts {
          let option = soloBest[soloRow + week]
          chargePair(option.miss, option.week, option.position, item: item)
          soloTaken.insert(item)
        }
        soloRow += stride
      }
    }
    for item in training.items(of: learner) where !soloTaken.contains(item) {
      guard let best = aloneChoice[item], best.week > 0 else { continue }
      chargePair(training.itemMiss[item], best.week, best.position, item: item)
    }
    return bestValue
  }
}
