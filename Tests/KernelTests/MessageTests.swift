import Foundation
import Kernel
import XCTest

/// The wire format: signing, and reading the frames of a message.
final class MessageTests: XCTestCase {
    private let key = "a0436f6c-1916-498b-8eb9-e81ab9368e84"
    private let signedFrames = [#"{"msg_id":"1","msg_type":"execute_request"}"#, "{}", "{}", #"{"code":"1+1"}"#]
        .map { Data($0.utf8) }
    /// The same key and frames signed by Python:
    ///     h = hmac.new(KEY.encode(), digestmod=hashlib.sha256)
    ///     for f in frames: h.update(f)
    ///     h.hexdigest()
    private let pythonSignature = "6079cf4714507d3fc645a0e9b5ea36d270738502ead09e0f753624a376aff7ce"

    /// ISO 8601 in UTC with microseconds, as Jupyter dates messages; the date and time to the
    /// minute as Foundation's own formatter writes them.
    func testMessagesAreDatedNowInUTCToTheMicrosecond() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        let before = formatter.string(from: Date())
        let stamp = Message.timestamp()
        let after = formatter.string(from: Date())
        XCTAssertNotNil(stamp.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$"#, options: .regularExpression), stamp)
        XCTAssertTrue(stamp.hasPrefix(before) || stamp.hasPrefix(after), "\(stamp) is not \(before)")
    }

    func testSignatureIsPythonsHMACSHA256OfTheFourFrames() {
        XCTAssertEqual(Signer(key: key).signature(of: signedFrames), pythonSignature)
    }

    func testSignatureIsCheckedInEitherCaseAndFailsOnAnyChange() {
        let signer = Signer(key: key)
        XCTAssertTrue(signer.isValid(Data(pythonSignature.utf8), for: signedFrames))
        XCTAssertTrue(signer.isValid(Data(pythonSignature.uppercased().utf8), for: signedFrames))
        var tampered = signedFrames
        tampered[3] = Data(#"{"code":"1+2"}"#.utf8)
        XCTAssertFalse(signer.isValid(Data(pythonSignature.utf8), for: tampered))
        XCTAssertFalse(signer.isValid(Data("6079cf47".utf8), for: signedFrames))
        XCTAssertFalse(signer.isValid(Data(String(repeating: "zz", count: 32).utf8), for: signedFrames))
        XCTAssertFalse(signer.isValid(Data(), for: signedFrames))
    }

    func testAnEmptyKeyMeansUnsignedMessages() {
        let signer = Signer(key: "")
        XCTAssertEqual(signer.signature(of: signedFrames), "")
        XCTAssertTrue(signer.isValid(Data(), for: signedFrames))
    }

    func testReadsIdentitiesAndTheFourObjects() throws {
        let identities = [Data("client-1".utf8), Data([0, 1, 2])]
        let frames = identities + [Message.delimiter, Data(pythonSignature.utf8)] + signedFrames + [Data("buffer".utf8)]
        let message = try Message(frames: frames, signer: Signer(key: key))
        XCTAssertEqual(message.identities, identities)
        XCTAssertEqual(message.type, "execute_request")
        XCTAssertEqual(message.content["code"] as? String, "1+1")
        XCTAssertTrue(message.parentHeader.isEmpty && message.metadata.isEmpty)
    }

    func testWhatIsWrongWithMalformedFrames() {
        let signature = Data(pythonSignature.utf8)
        let keyed = Signer(key: key), unsigned = Signer(key: "")
        func error(_ frames: [Data], signer: Signer) -> Message.WireError? {
            do {
                _ = try Message(frames: frames, signer: signer)
                return nil
            } catch {
                return error as? Message.WireError
            }
        }
        XCTAssertEqual(error([signature] + signedFrames, signer: keyed), .missingDelimiter)
        XCTAssertEqual(error([Message.delimiter, signature] + signedFrames.prefix(3), signer: keyed), .missingFrames(4))
        XCTAssertEqual(error([], signer: keyed), .missingDelimiter)
        XCTAssertEqual(error([Message.delimiter, Data(String(repeating: "0", count: 64).utf8)] + signedFrames, signer: keyed),
                       .badSignature)
        var frames = signedFrames
        frames[0] = Data("{not json".utf8)
        XCTAssertEqual(error([Message.delimiter, Data()] + frames, signer: unsigned), .badJSON("header"))
        frames[0] = Data("[1, 2]".utf8)
        XCTAssertEqual(error([Message.delimiter, Data()] + frames, signer: unsigned), .badJSON("header"))
        frames[0] = Data(#"{"msg_id":"1"}"#.utf8)
        XCTAssertEqual(error([Message.delimiter, Data()] + frames, signer: unsigned), .noMessageType)
        frames = signedFrames
        frames[3] = Data([0xFF, 0xFE])
        XCTAssertEqual(error([Message.delimiter, Data()] + frames, signer: unsigned), .badJSON("content"))
    }

    func testSentFramesReadBackAndVerifyWithTheKey() throws {
        let signer = Signer(key: key)
        let sent = Message(identities: [Data("id".utf8)], header: Message.header(type: "status", session: "s"),
                           content: ["execution_state": "idle"])
        let frames = sent.frames(signer: signer)
        XCTAssertEqual(frames[1], Message.delimiter)
        XCTAssertEqual(frames.count, 7)
        let read = try Message(frames: frames, signer: signer)
        XCTAssertEqual(read.type, "status")
        XCTAssertEqual(read.header["version"] as? String, "5.3")
        XCTAssertEqual(read.content["execution_state"] as? String, "idle")
        XCTAssertThrowsError(try Message(frames: frames, signer: Signer(key: "another key")))
    }
}
