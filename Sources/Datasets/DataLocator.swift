import Foundation
import Support

/// One folder the locator looks in, and why it looks there.
public struct SearchPlace: Equatable, Sendable {
    public let folder: String
    /// Where the folder came from, for messages: "--data", "MLPLAB_DATA", "the current folder", …
    public let origin: String
}

/// Finds a data set's files. The places, in order:
///
/// - `--data DIR` (`dataOption`): that folder, or its subfolder named after the
///   data set (`DIR/mnist`). When given, nothing else is searched: an explicit
///   folder that lacks the files is an error, not something to work around.
/// - MNIST and Fashion-MNIST: the folder in the environment variable
///   `MLPLAB_DATA` (or its subfolder named after the data set), then
///   `data/mnist` or `data/fashion-mnist` under the current folder, then the
///   same in the installation; Fashion-MNIST last in
///   `/usr/share/datasets/fashion-mnist` (the Debian package `dataset-fashion-mnist`).
/// - The bundled sample and 8×8 digits: `data/sample` or `data/digits` in the installation
///   (`Installation`: `MLPLAB_HOME`, else found above the executable or the current folder).
///
/// Each folder must hold the split's images and labels under one of the
/// accepted names (`train-images-idx3-ubyte.gz`, the same without `.gz`, or
/// `train-images.idx3-ubyte`).
public struct DataLocator: Sendable {
    /// The `--data DIR` option, if given.
    public var dataOption: String?
    /// The process environment (`MLPLAB_DATA`, and `MLPLAB_HOME` for the installation).
    public var environment: [String: String]
    /// The folder relative paths start from.
    public var currentDirectory: String
    /// The running executable, for finding the installation it belongs to.
    public var executablePath: String?

    /// Where the Debian package `dataset-fashion-mnist` installs its files.
    public static let fashionMNISTSystemFolder = "/usr/share/datasets/fashion-mnist"

    public init(dataOption: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: String = FileManager.default.currentDirectoryPath,
                executablePath: String? = Installation.currentExecutable()) {
        self.dataOption = dataOption
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executablePath = executablePath
    }

    /// The paths of `dataset`'s `split` files, from the first place that holds both.
    /// Throws `DatasetError.notFound` listing every place tried and what each lacked.
    public func locate(_ dataset: DatasetName, split: Split) throws -> DatasetFiles {
        guard !dataset.isGenerated else { throw DatasetError.notAnImageDataset(dataset) }
        var searched: [String] = []
        if dataset.isBundled, case .failure(let missing) = installation() {
            searched.append(missing.searchedPlaces)
        }
        for place in places(for: dataset) {
            switch Self.check(place.folder, split: split) {
            case .success(let files):
                return files
            case .failure(let lack):
                searched.append("\(place.folder) (\(place.origin)): \(lack.reason)")
            }
        }
        throw DatasetError.notFound(dataset: dataset, split: split, searched: searched, help: help(for: dataset))
    }

    /// The folders searched for `dataset`, in order (none for the generated spiral).
    public func places(for dataset: DatasetName) -> [SearchPlace] {
        guard !dataset.isGenerated else { return [] }
        if let option = dataOption {
            return folderAndSubfolder(absolute(option), dataset, origin: "--data")
        }
        return dataset.isBundled ? bundledPlaces(for: dataset) : downloadPlaces(for: dataset)
    }

    /// The installation mlplab runs from (see `Installation`).
    public func installation() -> Result<Installation, InstallationNotFound> {
        Result { () throws(InstallationNotFound) in
            try Installation.locate(environment: environment, executable: executablePath,
                                    currentDirectory: currentDirectory)
        }
    }

    // MARK: - The places

    /// Where a downloaded data set (MNIST, Fashion-MNIST) may be.
    private func downloadPlaces(for dataset: DatasetName) -> [SearchPlace] {
        var places: [SearchPlace] = []
        if let folder = environment["MLPLAB_DATA"], !folder.isEmpty {
            places += folderAndSubfolder(absolute(folder), dataset, origin: "MLPLAB_DATA")
        }
        let local = join(currentDirectory, "data", dataset.rawValue)
        places.append(SearchPlace(folder: local, origin: "the current folder"))
        if case .success(let installation) = installation(), installation.path("data/" + dataset.rawValue) != local {
            places.append(inInstallation(installation, dataset))
        }
        if dataset == .fashionMnist {
            places.append(SearchPlace(folder: Self.fashionMNISTSystemFolder,
                                      origin: "the Debian package dataset-fashion-mnist"))
        }
        return places
    }

    /// Where a data set that ships with mlplab (`data/sample`, `data/digits`) is: in the installation.
    private func bundledPlaces(for dataset: DatasetName) -> [SearchPlace] {
        guard case .success(let installation) = installation() else { return [] }
        return [inInstallation(installation, dataset)]
    }

    /// `data/<dataset>` in the installation.
    private func inInstallation(_ installation: Installation, _ dataset: DatasetName) -> SearchPlace {
        SearchPlace(folder: installation.path("data/" + dataset.rawValue), origin: installation.origin)
    }

    private func folderAndSubfolder(_ folder: String, _ dataset: DatasetName, origin: String) -> [SearchPlace] {
        [SearchPlace(folder: folder, origin: origin),
         SearchPlace(folder: join(folder, dataset.rawValue), origin: origin)]
    }

    private func help(for dataset: DatasetName) -> String {
        switch dataset {
        case .sample, .digits:
            return "The \(dataset.title) data set ships in the installation's data/\(dataset.rawValue)/ folder: run "
                + "mlplab from inside the repository, set \(Installation.variable) to the repository's folder, "
                + "or pass --data DIR."
        case .mnist:
            return "To get MNIST: run `mlplab fetch mnist`, or pass --data DIR (or set MLPLAB_DATA=DIR) "
                + "for a folder holding the four IDX files."
        case .fashionMnist:
            return "To get Fashion-MNIST: install the Debian package dataset-fashion-mnist "
                + "(sudo apt-get install dataset-fashion-mnist), run `mlplab fetch fashion-mnist`, "
                + "or pass --data DIR (or set MLPLAB_DATA=DIR) for a folder holding the four IDX files."
        case .spiral:
            return "The spiral is generated: use Spiral.load()."
        }
    }

    // MARK: - Paths and folders

    private func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : join(currentDirectory, expanded)
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    /// Why a folder does not serve: it is missing, or lacks a file.
    struct Lack: Error {
        let reason: String
    }

    /// The split's files in `folder`, or what is missing there.
    static func check(_ folder: String, split: Split) -> Result<DatasetFiles, Lack> {
        guard FileManager.default.fileExists(atPath: folder) else { return .failure(Lack(reason: "no such folder")) }
        guard isFolder(folder) else { return .failure(Lack(reason: "not a folder")) }
        let names = (images: DatasetFiles.imageNames(split), labels: DatasetFiles.labelNames(split))
        let images = names.images.lazy.map { join(folder, $0) }.first(where: isFile)
        let labels = names.labels.lazy.map { join(folder, $0) }.first(where: isFile)
        if let images, let labels {
            return .success(DatasetFiles(images: images, labels: labels))
        }
        let missing = [images == nil ? names.images : nil, labels == nil ? names.labels : nil]
            .compactMap { $0 }
            .map { "\($0[0]) (nor \($0.dropFirst().joined(separator: ", ")))" }
        return .failure(Lack(reason: "no " + missing.joined(separator: " and no ")))
    }
}

private func join(_ folder: String, _ components: String...) -> String {
    components.reduce(folder) { $0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1 }
}

private func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
}

private func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
}
