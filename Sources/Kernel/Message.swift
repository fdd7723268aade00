import Foundation

/// A JSON object as JSONSerialization reads and writes it.
package typealias JSONObject = [String: Any]

/// One Jupyter message: the routing identities, then the signed header, parent header, metadata and content.
///
/// On the wire it is a list of frames (ZeroMQ parts):
///
///     IDENTITY … "<IDS|MSG>" SIGNATURE HEADER PARENT_HEADER METADATA CONTENT BUFFER …
package struct Message {
    package static let delimiter = Data("<IDS|MSG>".utf8)

    package var identities: [Data] = []
    package var header: JSONObject
    package var parentHeader: JSONObject = [:]
    package var metadata: JSONObject = [:]
    package var content: JSONObject = [:]

    package var type: String { header["msg_type"] as? String ?? "" }

    /// What is wrong with frames that are not a message this kernel will act on.
    package enum WireError: Error, Equatable, CustomStringConvertible {
        case missingDelimiter
        case missingFrames(Int)
        case badSignature
        case badJSON(String)
        case noMessageType

        package var description: String {
            switch self {
            case .missingDelimiter: return "no <IDS|MSG> delimiter"
            case .missingFrames(let count): return "\(count) frames after <IDS|MSG>, where signature, header, parent header, metadata and content make 5"
            case .badSignature: return "wrong signature"
            case .badJSON(let frame): return "the \(frame) frame is not a JSON object"
            case .noMessageType: return "the header has no msg_type"
            }
        }
    }

    private static let signedFrameNames = ["header", "parent header", "metadata", "content"]

    /// Reads a message from its frames, checking the signature before anything else is read.
    package init(frames: [Data], signer: Signer) throws {
        guard let delimiter = frames.firstIndex(of: Message.delimiter) else { throw WireError.missingDelimiter }
        let rest = frames[(delimiter + 1)...]
        guard rest.count >= 5 else { throw WireError.missingFrames(rest.count) }
        let signature = rest[rest.startIndex]
        let signed = Array(rest.dropFirst().prefix(4))
        guard signer.isValid(signature, for: signed) else { throw WireError.badSignature }
        var objects: [JSONObject] = []
        for (frame, name) in zip(signed, Message.signedFrameNames) {
            guard let object = (try? JSONSerialization.jsonObject(with: frame)) as? JSONObject else {
                throw WireError.badJSON(name)
            }
            objects.append(object)
        }
        identities = Array(frames[..<delimiter])
        header = objects[0]
        parentHeader = objects[1]
        metadata = objects[2]
        content = objects[3]
        guard header["msg_type"] is String else { throw WireError.noMessageType }
    }

    package init(identities: [Data] = [], header: JSONObject, parentHeader: JSONObject = [:],
         metadata: JSONObject = [:], content: JSONObject = [:]) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
    }

    /// The frames to send, signed.
    package func frames(signer: Signer) -> [Data] {
        let signed = [header, parentHeader, metadata, content].map(Message.json)
        return identities + [Message.delimiter, Data(signer.signature(of: signed).utf8)] + signed
    }

    /// A JSON object's bytes; what cannot be written as JSON (never built by this kernel) becomes `{}`.
    static func json(_ object: JSONObject) -> Data {
        (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
    }

    /// A header for a new message of `type` in the kernel's `session`.
    package static func header(type: String, session: String) -> JSONObject {
        [
            "msg_id": UUID().uuidString.lowercased(),
            "session": session,
            "username": "mlplab",
            "date": Message.timestamp(),
            "msg_type": type,
            "version": Kernel.protocolVersion,
        ]
    }

    /// Now, in UTC, as ISO 8601 with microseconds (`2026-12-04T17:20:44.123456Z`), as Jupyter
    /// dates its messages; written out by hand, a date formatter taking longer than the rest of a reply.
    package static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var time = tm()
        gmtime_r(&now.tv_sec, &time)
        func digits(_ value: Int, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        return "\(digits(Int(time.tm_year) + 1900, 4))-\(digits(Int(time.tm_mon) + 1, 2))-\(digits(Int(time.tm_mday), 2))"
            + "T\(digits(Int(time.tm_hour), 2)):\(digits(Int(time.tm_min), 2)):\(digits(Int(time.tm_sec), 2))"
            + ".\(digits(now.tv_nsec / 1000, 6))Z"
    }
}
