/// The training of mentors with cascades, priced in the Lagrangian bound
/// (``LagrangianWeeksBound``; docs/model.md, "The certified bound").
///
/// A pair whose mentor is trained in the plan needs that mentor's training first. For each skill
/// `s` that some pair may have taught by a trained mentor, and each checkpoint `w_j`, every plan
/// keeps two rows:
/// - the mentor hours of the pairs in `s` taught by trained mentors that end by `w_j` are at most
///   the hours of the people trained in `s`, each from the week after their training ends to
///   `w_j`;
/// - the pairs in `s` taught by trained mentors whose mentor must have been trained by `w_j`
///   are at most the mentee slots of the people whose training ended by `w_j` (each pair in `s`
///   is a distinct mentee of its mentor). A pair's mentee hours all fall after its mentor's
///   training, so its mentor must have been trained by the last week from which the learner's
///   own hours still hold the pair's hours before it ends.
/// Anyone trained in `s` to a level they may teach from holds at least
/// `L = max(mentorMinLevel, level today + 1)`, through a pair of at least the hours to `L`, so an
/// item per person and skill (its pair to `L`) over-approximates the supply. Both rows are
/// moved into the objective with prices `π ≥ 0`: a pair taught by a trained mentor pays them
/// from its end week's checkpoint on, and a learner whose pair in `s` reaches `L` earns them for
/// the hours and slots it brings. Without prices (the start) this is the old relaxation, where
/// such teaching was free.
///
/// A trainee's hours and slots serve all the skills they are trained in: each trainee keeps two
/// rows of their own by checkpoint, the hours (up to `w_j`) and the slots they supply over all
/// their skills, priced `ρ ≥ 0`, so an item earns only where its skill's price exceeds them.
struct CascadeTraining {
  /// Skills some pair may have taught by a trained mentor.
  let skillCount: Int
  /// Missed requirement → its skill's number here, or -1.
  let missCascade: [Int]
  /// Skill → the hour row's scale: the mean mentor hours of a pair in it.
  let hourScale: [Double]
  /// Learner → start offset of their items, plus an end.
  let itemStart: [Int]
  /// Item → learner, its pair (a missed requirement after the candidates'), skill number, the
  /// earliest week its pair can end on the learner's own hours, and the learner's mentee slots.
  let itemLearner: [Int]
  let itemMiss: [Int]
  let itemSkill: [Int]
  let itemEarliest: [Int]
  let itemSlots: [Double]
  /// Learner → row (of `H + 1`) of their mentoring hours up to each week, or -1.
  let cumulativeRow: [Int]
  let cumulative: [Double]
  /// Trainee (row of `cumulative`) → mentee slots.
  let traineeSlots: [Double]
  /// Missed requirement → its learner; learner → rows (of `H + 1`) of their learning hours up
  /// to each week.
  let missLearner: [Int]
  let learned: [Double]
  /// From ``SharedSkills``: item → shared skill or -1, item → its one candidate miss or -1,
  /// miss → its item when solo or -1, shared skill → item or -1.
  let itemShared: [Int]
  let itemSolo: [Int]
  let missSolo: [Int]
  let sharedItem: [Int]

  /// Training items of `learner`.
  func items(of learner: Int) -> Range<Int> {
    learner + 1 < itemStart.count ? itemStart[learner]..<itemStart[learner + 1] : 0..<0
  }
}

/// The prices of ``CascadeTraining``'s rows for one round: raw by skill × checkpoint, and their
/// suffix sums by checkpoint (rows of `points + 1`).
struct CascadePrices {
  var hour: [Double]
  var slot: [Double]
  var hourFrom: [Double]
  var slotFrom: [Double]
  /// Prices of each trainee's own rows, trainee × checkpoint (``CascadeTraining``).
  var traineeHour: [Double]
  var traineeSlot: [Double]
  /// Whether the rows are priced yet: until then every price is 0, trainings earn nothing and
  /// a trained mentor's price changes only once one could have been trained in time.
  var priced = false
}

/// A round's use of ``CascadeTraining``'s rows: teaching by trained mentors and supply, by
/// skill × checkpoint.
struct CascadeTally {
  var hourUse: [Double]
  var slotUse: [Double]
  var hourSupply: [Double]
  var slotSupply: [Double]
  /// What each trainee supplies over all their skills, trainee × checkpoint.
  var traineeHour: [Double]
  var traineeSlot: [Double]

  init(count: Int, trainees: Int) {
    hourUse = [Double](repeating: 0, count: count)
    slotUse = hourUse
    hourSupply = hourUse
    slotSupply = hourUse
    traineeHour = [Double](repeating: 0, count: trainees)
    traineeSlot = traineeHour
  }

  /// Zeroes every entry.
  mutating func clear() {
    for index in hourUse.indices {
      hourUse[index] = 0
      slotUse[index] = 0
      hourSupply[index] = 0
      slotSupply[index] = 0
    }
    for index in traineeHour.indices {
      traineeHour[index] = 0
      traineeSlot[index] = 0
    }
  }
}

extension LagrangianWeeksBound {
  /// The last week by whose end the mentor of a pair for `miss` ending in `week` must be trained.
  ///
  /// The pair's mentee hours all fall in weeks after the training, so the learner's hours in the
  /// weeks between must hold them.
  ///
  /// - Returns: the week, 0 when no week does.
  @inline(__always)
  func latestTraining(_ miss: Int, _ week: Int) -> Int {
    let base = training.missLearner[miss] * (weeks + 1)
    let reach = training.learned[base + week] - missPairLearnHours[miss] + hourEpsilon
    var latest = week - 1
    while latest > 0, training.learned[base + latest] > reach { latest -= 1 }
    return latest
  }

  /// What a pair for `miss` ending in `week` pays when a trained mentor teaches it.
  ///
  /// - Returns: the pair's hours, priced from its end's checkpoint on, and one slot, priced from
  ///   the checkpoint of ``latestTraining(_:_:)`` on; infinite when no mentor trained in time
  ///   could teach it.
  @inline(__always)
  func cascadePrice(_ miss: Int, _ week: Int, _ prices: CascadePrices) -> Double {
    let number = training.missCascade[miss]
    guard number >= 0 else { return 0 }
    let latest = latestTraining(miss, week)
    guard latest > 0 else { return .infinity }
    let row = number * (checkpoints.count + 1)
    return missPairHours[miss] * prices.hourFrom[row + checkpointFrom[week]]
      + prices.slotFrom[row + checkpointFrom[latest]]
  }

  /// Adds a pair taught by a trained mentor, ending in `week`, to the tallies; `share` of it.
  func chargeCascade(_ miss: Int, _ week: Int, share: Double, _ tally: inout CascadeTally) {
    let number = training.missCascade[miss]
    guard number >= 0 else { return }
    let points = checkpoints.count
    for point in checkpointFrom[week]..<points {
      tally.hourUse[number * points + point] += missPairHours[miss] * share
    }
    let latest = latestTraining(miss, week)
    guard latest > 0 else { return }
    for point in checkpointFrom[latest]..<points {
      tally.slotUse[number * points + point] += share
    }
  }

  /// What the item's learner earns as a mentor of its skill when trained by the end of `week`:
  /// at each later checkpoint, their hours from the week after and their slots, where the
  /// skill's price exceeds the learner's own (their hours and slots serve all their skills).
  ///
  /// - Returns: the earnings (0 at the last week).
  func trainingEarnings(_ item: Int, _ week: Int, _ prices: CascadePrices) -> Double {
    guard week < weeks else { return 0 }
    let points = checkpoints.count
    let number = training.itemSkill[item]
    let trainee = training.cumulativeRow[training.itemLearner[item]]
    let base = trainee * (weeks + 1)
    let done = training.cumulative[base + week]
    var total = 0.0
    for point in checkpointFrom[week]..<points {
      let hour = prices.hour[number * points + point] - prices.traineeHour[trainee * points + point]
      let slot = prices.slot[number * points + point] - prices.traineeSlot[trainee * points + point]
      if hour > 0 { total += hour * (training.cumulative[base + checkpoints[point]] - done) }
      if slot > 0 { total += slot * training.itemSlots[item] }
    }
    return total
  }

  /// Adds the item's supply, trained by the end of `week`, to the tallies: where it earns.
  func chargeSupply(
    _ item: Int, _ week: Int, _ prices: CascadePrices, _ tally: inout CascadeTally
  ) {
    guard week < weeks else { return }
    let points = checkpoints.count
    let number = training.itemSkill[item]
    let trainee = training.cumulativeRow[training.itemLearner[item]]
    let base = trainee * (weeks + 1)
    let done = training.cumulative[base + week]
    for point in checkpointFrom[week]..<points {
      let row = number * points + point
      let own = trainee * points + point
      if prices.hour[row] > prices.traineeHour[own] {
        let hours = training.cumulative[base + checkpoints[point]] - done
        tally.hourSupply[row] += hours
        tally.traineeHour[own] += hours
      }
      if prices.slot[row] > prices.traineeSlot[own] {
        tally.slotSupply[row] += training.itemSlots[item]
        tally.traineeSlot[own] += training.itemSlots[item]
      }
    }
  }

  /// The constant part of a learner's own trainee rows: their prices times their hours up to
  /// each checkpoint and their slots.
  ///
  /// - Returns: the value, 0 for a learner without training items.
  func traineeValue(_ learner: Int, _ prices: CascadePrices) -> Double {
    let trainee = training.cumulativeRow[learner]
    guard trainee >= 0 else { return 0 }
    let points = checkpoints.count
    let base = trainee * (weeks + 1)
    let slots = training.traineeSlots[trainee]
    var total = 0.0
    for point in 0..<points {
      total +=
        prices.traineeHour[trainee * points + point]
        * training.cumulative[base + checkpoints[point]]
        + prices.traineeSlot[trainee * points + point] * slots
    }
    return total
  }

  /// The learner's training items priced as if each were trained at its earliest week for
  /// nothing: more than any plan earns from them, so valid beside the candidates' shares.
  ///
  /// - Returns: the earnings; their supply is added to the tallies.
  func freeTrainingEarnings(
    _ learner: Int, _ prices: CascadePrices, _ tally: inout CascadeTally
  ) -> Double {
    var total = 0.0
    for item in training.items(of: learner) {
      let week = training.itemEarliest[item]
      let earned = trainingEarnings(item, week, prices)
      if earned > 0 {
        total += earned
        chargeSupply(item, week, prices, &tally)
      }
    }
    return total
  }
}
