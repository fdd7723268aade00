import Foundation
import TensorComparison

/// The course as `course.json` declares it: the one place where an exercise is named and
/// described. Everything else about an exercise (its lesson group, hints, tolerance, the
/// builtin it stands in for, whether training calls it, the checks' inputs when they are
/// plain tensors) is read from here, and the binding of its functions is written from here
/// at every build (Plugins/CourseBindings); its stub and its reference body are Swift code,
/// found by its name, and so are the checks whose inputs need code. Where a lesson leads to
/// it is the lesson's marker `<!-- exercise: NAME -->`, which the lesson's author sees.
///
/// The file is a resource of this module, so the course a program knows is the one it
/// was built with: the manifest and the checks compiled beside it always agree.
struct Manifest: Decodable {
    /// The version of the file's layout; a program reads the versions up to its own.
    static let formatVersion = 2

    let formatVersion: Int
    let files: [File]
    let exercises: [Entry]

    /// One exercise file, the file of its reference solutions, and the lesson whose
    /// exercises it holds.
    struct File: Decodable {
        let file: String
        let reference: String
        let lesson: Int
        let id: String
        let title: String
    }

    /// One exercise, in the order the course reaches them.
    struct Entry: Decodable {
        let name: String
        let file: String
        /// What the learner reads, in English and in Korean: a one-line summary, the hints,
        /// and the contract in Korean (in English it is the stub's doc comment, which stays English).
        let summary: String
        let summaryKo: String
        /// The REPL builtin it computes under `:use mine`, if any.
        let builtin: String?
        /// Whether `fit` calls it under `:use mine`.
        let training: Bool
        let tolerance: Tolerance
        let hints: [String]
        let hintsKo: [String]
        let contractKo: [String]
        /// Its checks, when they are declared here rather than in Swift (CheckCases).
        let checks: DeclaredChecks?
    }

    /// The manifest this program was built with.
    static let bundled: Manifest = {
        do {
            let url = try Bundle.module.url(forResource: "course", withExtension: "json")
                .orThrow(CourseError.packageNotFound("course.json is missing from the program's resources: rebuild mlplab"))
            return try decode(Data(contentsOf: url))
        } catch {
            // The file is part of the build and the tests read every field of it: a program
            // that cannot read it was built from a broken checkout, and can do nothing useful.
            preconditionFailure("the course manifest course.json cannot be read: \(error)")
        }
    }()

    /// The manifest in `data`, checked: the format version, one entry per name, each
    /// exercise's file and lesson declared under `files`, each with its checks in Swift.
    static func decode(_ data: Data) throws -> Manifest {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let manifest = try decoder.decode(Manifest.self, from: data)
        try manifest.validate()
        return manifest
    }

    private func validate() throws {
        func invalid(_ message: String) -> CourseError { .manifestInvalid("course.json: " + message) }
        guard (1...Self.formatVersion).contains(formatVersion) else {
            throw invalid("format_version \(formatVersion) is not one this mlplab reads (1 to \(Self.formatVersion))")
        }
        var seen = Set<String>()
        for entry in exercises {
            guard seen.insert(entry.name).inserted else { throw invalid("\(entry.name) is declared twice") }
            guard files.contains(where: { $0.file == entry.file }) else {
                throw invalid("\(entry.name): its file \(entry.file) is not among `files`")
            }
            guard !entry.hints.isEmpty else { throw invalid("\(entry.name) needs at least one hint") }
            guard entry.hintsKo.count == entry.hints.count, !entry.contractKo.isEmpty else {
                throw invalid("\(entry.name): hints_ko needs one Korean hint per hint (\(entry.hints.count)), and contract_ko the contract")
            }
            switch (entry.checks, CheckCases.byName[entry.name]) {
            case (nil, nil): throw invalid("\(entry.name) has no checks: declare them under \"checks\", or in CheckCases")
            case (.some, .some): throw invalid("\(entry.name) has checks both under \"checks\" and in CheckCases: keep one")
            case (let declared?, nil): try declared.validate(entry.name)
            case (nil, .some): break
            }
        }
    }
}

extension Tolerance: Decodable {
    private enum Keys: String, CodingKey { case absolute, relative }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(absolute: try container.decode(Double.self, forKey: .absolute),
                  relative: try container.decode(Double.self, forKey: .relative))
    }
}

private extension Optional {
    func orThrow(_ error: Error) throws -> Wrapped {
        guard let value = self else { throw error }
        return value
    }
}
