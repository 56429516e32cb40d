"""The spam model: a line classifier built from scikit-learn parts, asked about the lines the
rules kept (``scope.in_model_scope``). Importing this package loads nothing heavy.

    scope.py      which kept lines the model is asked about
    textforms.py  how a line is normalised and shaped before features are read
    hashing.py    character n-gram hashing
    features.py   the one feature function (``featurize``), for training and inference alike
    weights.py    the inference weights (MODEL.npz): scoring with numpy alone, checked at load
    loading.py    what cleaning loads: the weights, or a model file without them via estimator.py
    estimator.py  the estimator (``SpamModel``), safe loading and saving (skops + npz) and its card
    train.py      ``forum-cleaner train``: grouped cross-validation, threshold, model card
"""
