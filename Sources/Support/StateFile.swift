import Foundation

/// A state file (the lessons' progress, the exercises' record) whose contents
/// cannot be used: the file, the field, and what is wrong with it.
public struct StateFileError: Error, Equatable, CustomStringConvertible {
    public let file: String
    /// The field's path, e.g. "hintsShown.parseIDXHeader"; empty when the problem is the file as a whole.
    public let field: String
    public let problem: String

    public init(file: String, field: String, _ problem: String) {
        self.file = file
        self.field = field
        self.problem = problem
    }

    /// What is wrong, without the file's name: "'currentCell' is -1; …".
    public var reason: String { field.isEmpty ? problem : "'\(field)' \(problem)" }

    public var description: String { "\(file): \(reason)" }
}

/// Reading the JSON state files.
public enum StateFile {
    /// The value stored in `data`; text that is not JSON, a missing field or a
    /// value of the wrong type throws a `StateFileError` naming the field.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String,
                                            decoder: JSONDecoder = JSONDecoder()) throws -> T {
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw problem(error, file: file)
        }
    }

    private static func problem(_ error: DecodingError, file: String) -> StateFileError {
        func field(_ path: [CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, let context):
            return StateFileError(file: file, field: field(context.codingPath + [key]), "is missing")
        case .typeMismatch(let type, let context):
            return StateFileError(file: file, field: field(context.codingPath), "has the wrong type (expected \(type))")
        case .valueNotFound(let type, let context):
            return StateFileError(file: file, field: field(context.codingPath), "is null (expected \(type))")
        case .dataCorrupted(let context):
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            let text = detail.map { "\(context.debugDescription) (\($0))" } ?? context.debugDescription
            return StateFileError(file: file, field: field(context.codingPath), text)
        @unknown default:
            return StateFileError(file: file, field: "", String(describing: error))
        }
    }
}
