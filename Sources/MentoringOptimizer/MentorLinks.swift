/// The model's slot rule, "a mentor has at most `maxMentees` distinct mentees", split for the
/// Lagrangian bound into links and groups.
///
/// A group is a (learner, mentor) pair: whether this mentor teaches this learner anything, which
/// takes one slot. A link is a (learner, skill, mentor) triple: whether this mentor teaches this
/// learner this skill, which needs the group. The bound prices each link with its own multiplier
/// `β ≥ 0` (the link may be used only where its group is) and lets each group switch on when its
/// links' prices pay for its mentor's slot price: so a mentor teaching one learner several skills
/// takes one slot, and two mentors teaching one learner take two, as in the model.
struct MentorLinks {
  /// Parallel to the bound's mentor lists: each entry's link.
  let entryLink: [Int]
  /// Link → its group.
  let linkGroup: [Int]
  /// Group → its dense mentor number, and its number of links.
  let groupMentor: [Int]
  let groupSize: [Double]

  /// Numbers links and groups learner by learner, in candidate order, then the learner's
  /// trainings as mentors (`itemStart` by learner into `itemMiss`, ``CascadeTraining``).
  ///
  /// - Complexity: O(mentor list entries).
  init(
    learnerStart: [Int], learnerCandidates: [Int], missStart: [Int], missSkill: [Int],
    missMentors: [Int], mentorList: [Int], itemStart: [Int] = [], itemMiss: [Int] = []
  ) {
    var entryLink = [Int](repeating: 0, count: mentorList.count)
    var linkGroup: [Int] = []
    var groupMentor: [Int] = []
    for learner in 0..<(learnerStart.count - 1) {
      var links: [Int: Int] = [:]  // skill · mentors + mentor → link
      var groups: [Int: Int] = [:]  // mentor → group
      let stride = mentorList.count + 1
      var misses: [Int] = []
      for candidate in learnerCandidates[learnerStart[learner]..<learnerStart[learner + 1]] {
        misses += missStart[candidate]..<missStart[candidate + 1]
      }
      if learner + 1 < itemStart.count {
        misses += itemMiss[itemStart[learner]..<itemStart[learner + 1]]
      }
      for miss in misses {
        for position in missMentors[miss]..<missMentors[miss + 1] {
          let mentor = mentorList[position]
          let key = missSkill[miss] * stride + mentor
          if let known = links[key] {
            entryLink[position] = known
            continue
          }
          let group: Int
          if let known = groups[mentor] {
            group = known
          } else {
            group = groupMentor.count
            groups[mentor] = group
            groupMentor.append(mentor)
          }
          links[key] = linkGroup.count
          entryLink[position] = linkGroup.count
          linkGroup.append(group)
        }
      }
    }
    self.entryLink = entryLink
    self.linkGroup = linkGroup
    self.groupMentor = groupMentor
    var groupSize = [Double](repeating: 0, count: groupMentor.count)
    for group in linkGroup { groupSize[group] += 1 }
    self.groupSize = groupSize
  }
}
