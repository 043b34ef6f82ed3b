import ArgumentParser
import HRImport

extension Understudy {
  /// `understudy formats`: the input profiles, what each reads and how it is recognised.
  struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the HR export formats Understudy reads and how each is detected.")

    func run() throws {
      var out =
        "Input formats (detected from each file's first elements; override with "
        + "--profile NAME or --profile FILE=NAME):\n\n"
      let width = ImportProfile.allCases.map(\.rawValue.count).max() ?? 0
      for profile in ImportProfile.allCases {
        let name = profile.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
        out += "  \(name)  \(profile.summary)\n"
        out += "  \(String(repeating: " ", count: width))  detected by: \(profile.detection)\n"
      }
      out += """

        Levels: numbers map linearly from their own min/max onto 0…L; names (Workday \
        descriptors, CEFR A1–C2) through a built-in table that <levelName name="…" level="N"/> \
        in a native file's <policy> overrides; skills without a level count at \
        --skill-level-default (2); certifications count at level 3 while valid.
        CEFR on 0…4: A1, A2 → 1; B1 → 2; B2, C1 → 3; C2 → 4 (k/6 of the top, halves down); a \
        language rated per dimension takes the median, the lower middle one when even.

        """
      Console.out(out)
    }
  }
}
