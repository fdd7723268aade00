import Network
import Plots

/// The learning curves of a training run as chart series, for `plot(history)`
/// in the REPL and `mlplab train --plot FILE`: losses and accuracies per epoch.
public func learningCurves(_ history: History) -> [Series] {
    let curves: [(String, [Double])] = [
        ("train loss", history.trainLoss), ("test loss", history.testLoss),
        ("train acc", history.trainAccuracy), ("test acc", history.testAccuracy),
    ]
    return curves.filter { !$0.1.isEmpty }.map { Series(name: $0.0, values: $0.1) }
}
