"""Topic models of cable corpora: LDA with gensim or scikit-learn behind one facade.

::

    model = TopicModel(n_topics=20, seed_topics={"counterterrorism": ["terrorism", "aqim"]})
    model.fit(corpus)
    model.topics()                          # topic, rank, term, weight
    model.prevalence(freq="Q", by="region") # period, group, topic, share, lo, hi, n_cables
    select_n_topics(corpus, ks=[10, 20, 30]).plot()
"""

from cablestats.models.coherence import TopicCoherence
from cablestats.models.selection import TopicSelection, select_n_topics
from cablestats.models.topic_model import TopicModel

__all__ = ["TopicCoherence", "TopicModel", "TopicSelection", "select_n_topics"]
